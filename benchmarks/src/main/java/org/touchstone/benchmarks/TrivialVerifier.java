package org.touchstone.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;

/**
 * A verifier that does almost nothing, so that what remains of a run's time is the harness's: its template
 * is the subject part of the image id (8 bytes, the image is never decoded) and a comparison scores 1 for
 * the same subject, else 0.
 */
final class TrivialVerifier extends InProcessVerifier {
    TrivialVerifier() {
        super("bench-trivial", "Trivial verifier", new ScoreRange(0, 1));
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        String id = images.get(0).id();
        String subject = id.substring(0, Math.max(0, id.lastIndexOf('-')));
        return Result.success(Template.of(ByteBuffer.allocate(8).putLong(subject.hashCode()).array()));
    }

    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        long p = probe.buffer().getLong(0);
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (Template e : enrolments) {
            results.add(ComparisonResult.score(e.buffer().getLong(0) == p ? 1 : 0));
        }
        return results;
    }
}
