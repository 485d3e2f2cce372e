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
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.importers.DatasetImporters;
import org.touchstone.protocols.importers.ImportReport;
import org.touchstone.protocols.importers.ImportRequest;
import org.touchstone.protocols.importers.ijb.IjbVariant;
import org.touchstone.protocols.importers.ijb.NistFixture;
import org.touchstone.runner.engine.NistIjbTruth;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.testsystems.TemplateScoreOracleProvider;

/**
 * ijbc-1to1@1.0.0 on NIST's own layout: the NIST fixture (12 subjects; per subject a two-still gallery template, a
 * probe from two group stills and a three-frame video probe) imported with {@code dataset import ijbc} (test1 files),
 * run with a system whose every score the test fixes, and TAR at FAR checked against arithmetic done here on the
 * native CSV files. The fixture's quirks each fail one face (missing frame, box outside its frame, empty
 * FACE_WIDTH); the test also deletes subject 5's video frames. Under this protocol a template missing any face
 * fails, so four templates fail: 24 + 11 x 3 = 57 of the 288 pairs are non-matches.
 */
class NistIjbOneToOneEndToEndTest {
    @Test
    void tarAtFarMatchesArithmeticOnTheNativeFiles(@TempDir Path temp) throws Exception {
        NistFixture fixture = NistFixture.small(IjbVariant.IJBC);
        Path copy = fixture.write(temp.resolve("copy"));
        for (int i = 0; i < 3; i++) {
            Files.delete(copy.resolve("images/frames/" + (3050 + i) + ".png"));
        }
        var importer = DatasetImporters.load().get("ijbc");
        ImportReport report = importer.importDataset(new ImportRequest(temp.resolve("copy"), temp.resolve("data"),
                DatasetImporters.options(importer, Map.of())));
        DatasetManifest manifest = ManifestLoader.load(report.manifest());
        NistIjbTruth truth = new NistIjbTruth(copy, temp.resolve("data"), manifest, "ijbc");
        Path runDir = temp.resolve("run");
        new ProtocolRunner(Progress.silent()).run(new RunRequest("ijbc", ProtocolRepository.builtIn()
                .resolve("ijbc-1to1@1.0.0"), manifest, "ijbc", new TemplateScoreOracleProvider(truth::score),
                Optional.empty(), runDir, 2));

        // Independent arithmetic on test1's files: labels by SUBJECT_ID, a template with any face lost fails.
        Path test1 = copy.resolve("protocols/test1");
        Map<Integer, List<String>> templates = new HashMap<>(truth.templates(test1.resolve("enroll_templates.csv")));
        templates.putAll(truth.templates(test1.resolve("verif_templates.csv")));
        Map<Integer, Integer> subject = new HashMap<>();
        for (String list : List.of("enroll_templates.csv", "verif_templates.csv")) {
            NistIjbTruth.templateSubjects(test1.resolve(list)).forEach(r -> subject.put(r[0], r[1]));
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        int failedGenuine = 0;
        int failedImpostor = 0;
        for (String line : Files.readAllLines(test1.resolve("match.csv"))) {
            String[] f = line.split(",");
            int a = Integer.parseInt(f[0]);
            int b = Integer.parseInt(f[1]);
            boolean isGenuine = subject.get(a).equals(subject.get(b));
            List<String> enrolled = templates.get(a);
            List<String> probe = templates.get(b);
            if (!enrolled.stream().allMatch(truth::acquired) || !probe.stream().allMatch(truth::acquired)) {
                if (isGenuine) {
                    failedGenuine++;
                } else {
                    failedImpostor++;
                }
                continue;
            }
            (isGenuine ? genuine : impostor).add(truth.score(String.join(";", enrolled), String.join(";", probe)));
        }
        assertThat(genuine.size() + failedGenuine).isEqualTo(24);
        assertThat(impostor.size() + failedImpostor).isEqualTo(264);
        assertThat(failedGenuine + failedImpostor).isEqualTo(24 + 11 * 3);
        TemplatePairsArithmetic.assertOperatingPoints(runDir, genuine, impostor, failedGenuine, failedImpostor);
    }
}
