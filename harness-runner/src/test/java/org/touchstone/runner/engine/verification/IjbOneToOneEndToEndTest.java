package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolDefinition;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ijb.IjbFixture;
import org.touchstone.protocols.importers.ijb.IjbVariant;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.TemplateScoreOracleProvider;

/**
 * ijbc-1to1@1.0.0 end to end: the IJB-C fixture (12 subjects, one gallery and two probe templates each, three
 * images per template, one image missing) imported with {@code dataset import ijbc}, run with a system whose every
 * score the test fixes, and TAR at FAR checked against arithmetic done here on the fixture's own meta files: 288
 * pairs (24 genuine, 264 impostor); the probe template lacking an image fails to acquire, so its 12 pairs (1 genuine,
 * 11 impostor) are non-matches. 264 impostors support FAR 1e-1 (rule of three: 30) but not 1e-2 (300).
 */
class IjbOneToOneEndToEndTest {
    private static final int IMAGES_PER_SUBJECT = 9;

    /** The score fixed in advance: by the first image of each side, genuine in [0.5, 1), impostor in [0, 0.6). */
    static double score(String enrolmentIds, String probeIds) {
        int a = number(enrolmentIds.split(";")[0]);
        int b = number(probeIds.split(";")[0]);
        double u = ((a * 7919L + b * 104729L) % 1000) / 1000.0;
        boolean genuine = (a - 1) / IMAGES_PER_SUBJECT == (b - 1) / IMAGES_PER_SUBJECT;
        return genuine ? 0.5 + 0.5 * u : 0.6 * u;
    }

    private static int number(String imageName) {
        return Integer.parseInt(imageName.substring(0, imageName.indexOf('.')));
    }

    @Test
    void tarAtFarMatchesArithmeticOnTheFixturesOwnFiles(@TempDir Path temp) throws Exception {
        IjbFixture fixture = IjbFixture.small(IjbVariant.IJBC);
        Path release = fixture.write(temp.resolve("copy"));
        var importer = DatasetImporters.load().get("ijbc");
        ImportReport report = importer.importDataset(new ImportRequest(release.getParent(), temp.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        ProtocolDefinition protocol = ProtocolRepository.builtIn().resolve("ijbc-1to1@1.0.0");
        Path runDir = temp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("ijbc", protocol, manifest, "ijbc",
                new TemplateScoreOracleProvider(IjbOneToOneEndToEndTest::score), Optional.empty(), runDir, 2));

        // Independent arithmetic on the meta files.
        Map<Integer, List<String>> images = new HashMap<>();
        for (String line : Files.readAllLines(release.resolve("meta/ijbc_face_tid_mid.txt"))) {
            String[] f = line.split(" ");
            images.computeIfAbsent(Integer.parseInt(f[1]), t -> new ArrayList<>()).add(f[0]);
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        int failedGenuine = 0;
        int failedImpostor = 0;
        for (String line : Files.readAllLines(release.resolve("meta/ijbc_template_pair_label.txt"))) {
            String[] f = line.split(" ");
            List<String> a = images.get(Integer.parseInt(f[0]));
            List<String> b = images.get(Integer.parseInt(f[1]));
            boolean isGenuine = f[2].equals("1");
            if (a.contains(fixture.missingImage()) || b.contains(fixture.missingImage())) {
                if (isGenuine) {
                    failedGenuine++;
                } else {
                    failedImpostor++;
                }
                continue;
            }
            (isGenuine ? genuine : impostor).add(score(String.join(";", a), String.join(";", b)));
        }
        int ng = genuine.size() + failedGenuine;
        int ni = impostor.size() + failedImpostor;
        assertThat(ng).isEqualTo(24);
        assertThat(ni).isEqualTo(264);
        assertThat(failedGenuine + failedImpostor).isEqualTo(12);
        assertThat(Files.readAllLines(org.touchstone.runner.boundaries.RunFiles.comparisonsCsv(runDir))).hasSize(1 + 288);
        TemplatePairsArithmetic.assertOperatingPoints(runDir, genuine, impostor, failedGenuine, failedImpostor);
    }
}
