package org.touchstone.runner.cli.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.touchstone.api.FaceImage;
import org.touchstone.runner.cli.validate.CheckResult.Verdict;

/** {@code <...>.deterministic}: each image is answered the same way twice. */
final class SameAnswersCheck {
    private SameAnswersCheck() {
    }

    static void check(String id, String title, List<FaceImage> images, Function<Integer, Object> first,
                      Function<Integer, Object> second, String how, CheckLog log) {
        int differing = 0;
        String example = "";
        for (int i = 0; i < images.size(); i++) {
            if (!Objects.equals(first.apply(i), second.apply(i))) {
                differing++;
                example = images.get(i).id();
            }
        }
        log.add(id, title, true, differing == 0 ? Verdict.PASS : Verdict.FAIL, differing == 0 ? images.size()
                        + " images, each answered identically by " + how : differing + " of " + images.size()
                        + " images were answered differently by " + how + ", e.g. " + example,
                Map.of("images", images.size(), "differing", differing));
    }
}
