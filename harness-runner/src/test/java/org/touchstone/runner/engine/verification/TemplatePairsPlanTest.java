package org.touchstone.runner.engine.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runner.engine.stage.TemplateSpec;

/**
 * A template-level pair list on 10 subjects x 4 images: templates "a<s>" (images 1-2) and "b<s>" (images 3-4) of
 * each subject; pairs listed as "a<s>,b<t>" for all s, t, enrolment-major, grouped into 10 rows (one per probe)
 * of 10 pairs.
 */
class TemplatePairsPlanTest {
    @TempDir
    static Path data;
    static DatasetManifest manifest;
    static Path templates;

    @BeforeAll
    static void dataset() throws Exception {
        manifest = ManifestLoader.load(SyntheticDatasetWriter.write(
                SyntheticSpec.parse("synthetic:subjects=10,images=4,seed=3,size=48"), data.resolve("dataset")));
        StringBuilder csv = new StringBuilder("template_id,sample_id,media_id\n");
        List<String> subjects = manifest.subjectIds();
        for (String kind : List.of("a", "b")) {
            for (int s = 0; s < subjects.size(); s++) {
                List<org.touchstone.protocols.dataset.Sample> samples = manifest.samplesOf(s);
                int from = kind.equals("a") ? 0 : 2;
                for (int i = from; i < from + 2; i++) {
                    csv.append(kind).append(s).append(',').append(samples.get(i).sampleId()).append(",7\n");
                }
            }
        }
        templates = data.resolve("templates.csv");
        Files.writeString(templates, csv);
    }

    private static Path pairs(String name, String text) throws Exception {
        Path file = data.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void streamsThePairsIntoRowsOfOneProbe() throws Exception {
        // Enrolment-major, as IJB's files are: each probe's pairs are spread over the list.
        StringBuilder csv = new StringBuilder("enrolment_template,probe_template,mated\n");
        for (int s = 0; s < 10; s++) {
            for (int t = 0; t < 10; t++) {
                csv.append('a').append(s).append(",b").append(t).append(',').append(s == t).append('\n');
            }
        }
        VerificationPlan plan = TemplatePairsPlan.build(templates, pairs("pairs.csv", csv.toString()), manifest);
        assertThat(plan.templates()).hasSize(20);
        TemplateSpec a0 = plan.templates().get(0);
        assertThat(a0.samples()).hasSize(2);
        assertThat(a0.asEnrolment()).isTrue();
        assertThat(a0.asProbe()).isFalse();
        assertThat(plan.templates().get(10).asProbe()).isTrue();
        ComparisonPlan pairs = plan.pairs();
        assertThat(pairs.pairCount()).isEqualTo(100);
        assertThat(pairs.rowCount()).isEqualTo(10);
        for (int row = 0; row < 10; row++) {
            assertThat(pairs.probe(row)).isEqualTo(10 + row);
            assertThat(pairs.enrolmentCount(row)).isEqualTo(10);
            for (int k = 0; k < 10; k++) {
                assertThat(pairs.enrolment(row, k)).isEqualTo(k);
            }
        }
        // Serialized as file names, it reads the same pairs where it is opened again.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pairs);
        }
        ComparisonPlan copy = (ComparisonPlan) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                .readObject();
        assertThat(copy.enrolment(9, 9)).isEqualTo(9);
        assertThat(copy.probe(9)).isEqualTo(19);
    }

    @Test
    void pairsAreGroupedByProbeInOrderOfFirstAppearanceKeepingListOrderWithinARow() throws Exception {
        VerificationPlan plan = TemplatePairsPlan.build(templates, pairs("alternating.csv",
                "enrolment_template,probe_template\na0,b0\na1,b0\na1,b1\na2,b0\n"), manifest);
        ComparisonPlan pairs = plan.pairs();
        assertThat(pairs.rowCount()).isEqualTo(2);
        List<String> order = new ArrayList<>();
        for (int row = 0; row < pairs.rowCount(); row++) {
            for (int k = 0; k < pairs.enrolmentCount(row); k++) {
                order.add(plan.templates().get(pairs.enrolment(row, k)).templateId() + "/"
                        + plan.templates().get(pairs.probe(row)).templateId());
            }
        }
        assertThat(order).containsExactly("T000001/T000011", "T000002/T000011", "T000003/T000011", "T000002/T000012");
    }

    @Test
    void anUnknownTemplateAndAContradictedMatedCellAreRefusedWithTheirLines() throws Exception {
        assertThatThrownBy(() -> TemplatePairsPlan.build(templates, pairs("unknown.csv",
                "enrolment_template,probe_template\na0,b0\na0,zz\n"), manifest))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown.csv:3")
                .hasMessageContaining("unknown template 'zz', not in templates.csv");
        assertThatThrownBy(() -> TemplatePairsPlan.build(templates, pairs("contradicted.csv",
                "enrolment_template,probe_template,mated\na0,b0,true\na0,b1,true\n"), manifest))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("contradicted.csv:3")
                .hasMessageContaining("says true, but the templates show subjects");
        assertThatThrownBy(() -> TemplatePairsPlan.build(templates, pairs("header.csv", "enrol,probe\na0,b0\n"), manifest))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("header.csv:1")
                .hasMessageContaining("expected a header starting enrolment_template,probe_template");
        assertThatThrownBy(() -> TemplatePairsPlan.build(templates, pairs("empty.csv", "enrolment_template,probe_template\n"),
                manifest)).isInstanceOf(ProtocolException.class).hasMessageContaining("no pairs");
    }
}
