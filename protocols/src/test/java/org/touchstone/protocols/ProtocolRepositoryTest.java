package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.Capability;
import org.touchstone.runformat.io.Sha256;

class ProtocolRepositoryTest {
    private static final String BUILT_IN = "touchstone/protocols/verification-1.0.0.yaml";

    @TempDir
    Path dir;

    private static ProtocolDefinition protocol(String id, String version) throws ProtocolException {
        String yaml = ProtocolRepository.builtInText(BUILT_IN).replace("id: verification", "id: " + id)
                .replace("version: 1.0.0", "version: " + version);
        return ProtocolLoader.parse(id + "-" + version + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String message(ProtocolRepository repository, String ref) {
        return catchThrowableOfType(ProtocolException.class, () -> repository.resolve(ref)).getMessage();
    }

    @Test
    void builtInVerificationProtocolLoadsWithItsReleasedSettings() throws Exception {
        ProtocolDefinition p = ProtocolRepository.builtIn().resolve("verification@1.0.0");

        assertThat(p.ref()).isEqualTo("verification@1.0.0");
        assertThat(p.capability()).isEqualTo(Capability.VERIFICATION);
        assertThat(p.seed()).isEqualTo(20261126L);
        assertThat(p.source()).isEqualTo(BUILT_IN);
        assertThat(p.sha256()).isEqualTo(Sha256.hex(ProtocolRepository.resource(BUILT_IN)));
        assertThat(p.title()).isEqualTo("1:1 verification, all templates against all");
        assertThat(p.description()).contains("every later one").doesNotContain("\n");
        assertThat(p.verification()).contains(new VerificationSettings(PairDesign.ALL_VS_ALL, Optional.empty(), 1,
                List.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6), true, FailurePolicy.NON_MATCH));
    }

    @Test
    void listsByIdThenVersionAndABareIdMeansTheHighestVersion() throws Exception {
        ProtocolRepository repository = new ProtocolRepository(List.of(protocol("b", "1.10.0"), protocol("b", "1.9.0"),
                protocol("a", "2.0.0")));

        assertThat(repository.list()).extracting(ProtocolDefinition::ref)
                .containsExactly("a@2.0.0", "b@1.9.0", "b@1.10.0");
        assertThat(repository.resolve("b").ref()).isEqualTo("b@1.10.0");
        assertThat(repository.resolve("b@1.9.0").ref()).isEqualTo("b@1.9.0");
    }

    @Test
    void unknownIdOrVersionListsWhatIsAvailable() {
        ProtocolRepository builtIn = ProtocolRepository.builtIn();

        assertThat(message(builtIn, "verification@2.0.0")).isEqualTo("protocol repository: no protocol"
                + " verification@2.0.0; available: agedb30@1.0.0, attributes@1.0.0, calfw@1.0.0, celeba-attributes@1.0.0, cfp-ff@1.0.0, cfp-fp@1.0.0,"
                + " cplfw@1.0.0, fairface-attributes@1.0.0, identification@1.0.0, identification-megaface@1.0.0, ijbb-1to1@1.0.0, ijbb-1ton@1.0.0,"
                + " ijbc-1to1@1.0.0, ijbc-1ton@1.0.0, lfw-view2@1.0.0, megaface-c1@1.0.0, rfw@1.0.0, utkface-attributes@1.0.0, verification@1.0.0,"
                + " verification-real-transforms@1.0.0"
                + " (or the path of a .yaml protocol file)");
        assertThat(message(builtIn, "recognition")).isEqualTo("protocol repository: no protocol"
                + " 'recognition'; available: agedb30@1.0.0, attributes@1.0.0, calfw@1.0.0, celeba-attributes@1.0.0, cfp-ff@1.0.0, cfp-fp@1.0.0,"
                + " cplfw@1.0.0, fairface-attributes@1.0.0, identification@1.0.0, identification-megaface@1.0.0, ijbb-1to1@1.0.0, ijbb-1ton@1.0.0,"
                + " ijbc-1to1@1.0.0, ijbc-1ton@1.0.0, lfw-view2@1.0.0, megaface-c1@1.0.0, rfw@1.0.0, utkface-attributes@1.0.0, verification@1.0.0,"
                + " verification-real-transforms@1.0.0"
                + " (or the path of a .yaml protocol file)");
        assertThat(message(builtIn, "verification@1.0")).isEqualTo("protocol repository: in 'verification@1.0':"
                + " expected a semantic version MAJOR.MINOR.PATCH such as 1.0.0 (no leading zeros, no suffix),"
                + " found '1.0'");
    }

    @Test
    void aFileOnDiskIsLoadedWithItsFolderAsBase() throws Exception {
        String yaml = ProtocolRepository.builtInText(BUILT_IN).replace("id: verification", "id: mine");
        Path file = Files.writeString(dir.resolve("mine.yml"), yaml);

        ProtocolDefinition p = ProtocolRepository.builtIn().resolve(file.toString());

        assertThat(p.ref()).isEqualTo("mine@1.0.0");
        assertThat(p.source()).isEqualTo(file.toString());
        assertThat(message(ProtocolRepository.builtIn(), dir.resolve("none.yaml").toString()))
                .isEqualTo(dir.resolve("none.yaml") + ": no such protocol file");
    }

    @Test
    void aFileIdenticalToAReleasedProtocolIsAccepted() throws Exception {
        Path file = Files.write(dir.resolve("copy.yaml"), ProtocolRepository.resource(BUILT_IN));

        assertThat(ProtocolRepository.builtIn().resolve(file.toString()).sha256())
                .isEqualTo(ProtocolRepository.builtIn().resolve("verification").sha256());
    }

    @Test
    void aFileChangingAReleasedProtocolUnderItsVersionIsRefused() throws Exception {
        String changed = ProtocolRepository.builtInText(BUILT_IN).replace("seed: 20261126", "seed: 20261127");
        Path file = Files.writeString(dir.resolve("tampered.yaml"), changed);

        assertThat(message(ProtocolRepository.builtIn(), file.toString())).isEqualTo(file + ": claims"
                + " verification@1.0.0, a released protocol, but differs from it (sha256 "
                + Sha256.hex(changed.getBytes(StandardCharsets.UTF_8)) + ", released "
                + Sha256.hex(ProtocolRepository.resource(BUILT_IN)) + "); a released protocol never changes: give"
                + " the changed protocol a new version or id");
    }

    @Test
    void twoProtocolsWithOneRefAreRefused() throws Exception {
        ProtocolDefinition a = protocol("a", "1.0.0");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ProtocolRepository(List.of(a, a)))).hasMessage("two protocols are named a@1.0.0");
    }
}
