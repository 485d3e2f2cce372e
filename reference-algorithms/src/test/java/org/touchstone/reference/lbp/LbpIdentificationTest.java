package org.touchstone.reference.lbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Candidate;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/** With the default similarity, the LBP system's 1:N scores are its 1:1 scores. */
class LbpIdentificationTest {
    @TempDir
    Path directory;

    @Test
    void searchScoresEqualComparisonScoresAndTheMateRanksFirst() throws Exception {
        try (FaceSystem system = new LbpSystemProvider().open(LbpSystemProviderTest.context(Optional.empty(), directory))) {
            Verifier verifier = system.verifier().orElseThrow();
            Identifier identifier = system.identifier().orElseThrow();
            List<GalleryEntry> entries = new ArrayList<>();
            for (int identity = 0; identity < 6; identity++) {
                Template t = identifier.createTemplate(List.of(SyntheticFaces.face(identity, 0)),
                        TemplateRole.IDENTIFICATION_ENROLMENT).value();
                entries.add(new GalleryEntry("id" + identity, t));
            }
            Gallery gallery = identifier.finalizeEnrolment(entries, directory).value();
            Template probe = identifier.createTemplate(List.of(SyntheticFaces.face(3, 1)),
                    TemplateRole.IDENTIFICATION_PROBE).value();
            List<Candidate> candidates = gallery.search(probe, 6).value();
            assertThat(candidates.get(0).templateId()).isEqualTo("id3");
            for (Candidate c : candidates) {
                Template enrolled = entries.stream().filter(e -> e.templateId().equals(c.templateId())).findFirst()
                        .orElseThrow().template();
                assertThat(c.score()).as(c.templateId())
                        .isCloseTo(verifier.compare(enrolled, probe).similarity(), within(1e-5));
            }
        }
    }
}
