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

class ProtocolLoaderTest {
    /** Line numbers below refer to this text: line 1 is schema, line 8 verification, line 11 fmr_targets. */
    private static final String VALID = """
            schema: touchstone-protocol/1
            id: demo
            version: 1.2.3
            capability: verification
            title: Demo
            description: A protocol for tests.
            seed: 7
            verification:
              design: all-vs-all
              images_per_template: 2
              fmr_targets: [1.0e-2, 1e-3]
              vendor_thresholds: false
              failure_policy: non-match
            """;

    @TempDir
    Path dir;

    private static List<String> problems(String yaml) {
        return problems(yaml, null);
    }

    private static List<String> problems(String yaml, Path baseDir) {
        return catchThrowableOfType(ProtocolException.class,
                () -> ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), baseDir))
                .problems().stream().map(ProtocolProblem::toString).toList();
    }

    private static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void validProtocolBecomesItsModel() throws Exception {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);

        ProtocolDefinition p = ProtocolLoader.parse("p.yaml", bytes, null);

        assertThat(p.ref()).isEqualTo("demo@1.2.3");
        assertThat(p.version()).isEqualTo(new SemanticVersion(1, 2, 3));
        assertThat(p.capability()).isEqualTo(Capability.VERIFICATION);
        assertThat(p.capabilityName()).isEqualTo("verification");
        assertThat(p.title()).isEqualTo("Demo");
        assertThat(p.description()).isEqualTo("A protocol for tests.");
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.source()).isEqualTo("p.yaml");
        assertThat(p.bytes()).isEqualTo(bytes);
        assertThat(p.sha256()).isEqualTo(Sha256.hex(bytes));
        assertThat(p.verification()).contains(new VerificationSettings(PairDesign.ALL_VS_ALL, Optional.empty(), 2,
                List.of(1e-2, 1e-3), false, FailurePolicy.NON_MATCH));
    }

    @Test
    void unknownFieldsAreAllReportedAtTheirKeys() {
        assertThat(problems(with("  vendor_thresholds: false", "  vendor_threshold: false") + "colour: blue\n"))
                .containsExactly(
                        "p.yaml:8:1: verification.vendor_thresholds: missing; expected true or false",
                        "p.yaml:12:3: verification.vendor_threshold: unknown field; expected one of dataset_list,"
                                + " design, failure_policy, fmr_targets, folds, images_per_template, pair_list,"
                                + " pair_list_sha256, template_list, vendor_thresholds",
                        "p.yaml:14:1: colour: unknown field; expected one of analysis, capability, description, id,"
                                + " identification, schema, seed, title, verification, version");
    }

    @Test
    void textWhereANumberIsExpected() {
        assertThat(problems(with("seed: 7", "seed: abc")))
                .containsExactly("p.yaml:7:1: seed: expected a whole number, found text 'abc'");
    }

    @Test
    void quotedNumberIsNotANumber() {
        assertThat(problems(with("[1.0e-2, 1e-3]", "[1.0e-2, '1e-3']")))
                .containsExactly("p.yaml:11:25: verification.fmr_targets[1]: expected a number, found text '1e-3'");
    }

    @Test
    void fractionWhereAWholeNumberIsExpected() {
        assertThat(problems(with("images_per_template: 2", "images_per_template: 1.5"))).containsExactly(
                "p.yaml:10:3: verification.images_per_template: expected a whole number, found the number 1.5");
    }

    @Test
    void numberWhereTextIsExpected() {
        assertThat(problems(with("title: Demo", "title: 2026")))
                .containsExactly("p.yaml:5:1: title: expected text, found the number 2026");
    }

    @Test
    void mappingWhereAListIsExpected() {
        assertThat(problems(with("[1.0e-2, 1e-3]", "{a: 1}")))
                .containsExactly("p.yaml:11:3: verification.fmr_targets: expected a list, found a mapping");
    }

    @Test
    void missingAndNullFieldsAreAllReported() {
        assertThat(problems("schema: touchstone-protocol/1\nid: demo\ntitle: ~\n")).containsExactly(
                "p.yaml:1:1: version: missing; expected a semantic version such as 1.0.0",
                "p.yaml:1:1: capability: missing; expected one of verification, identification, analysis",
                "p.yaml:1:1: description: missing; expected a description of the protocol",
                "p.yaml:1:1: seed: missing; expected a whole number, the seed of every random choice",
                "p.yaml:3:1: title: missing; expected a one-line title");
    }

    @Test
    void unknownSchemaNamesTheSupportedOnes() {
        assertThat(problems(with("touchstone-protocol/1", "touchstone-protocol/2") + "new_field: 1\n"))
                .containsExactly("p.yaml:1:1: schema: unknown schema 'touchstone-protocol/2'; this version of"
                        + " Touchstone reads touchstone-protocol/1");
    }

    @Test
    void missingSchema() {
        assertThat(problems(VALID.substring(VALID.indexOf('\n') + 1))).containsExactly(
                "p.yaml:1:1: schema: missing; a protocol file starts with 'schema: touchstone-protocol/1'");
    }

    @Test
    void badSemanticVersion() {
        assertThat(problems(with("version: 1.2.3", "version: 1.02.3"))).containsExactly("p.yaml:3:1: version:"
                + " expected a semantic version MAJOR.MINOR.PATCH such as 1.0.0 (no leading zeros, no suffix),"
                + " found '1.02.3'");
        assertThat(problems(with("version: 1.2.3", "version: 1.2")))
                .containsExactly("p.yaml:3:1: version: expected text, found the number 1.2");
    }

    @Test
    void badIdAndUnknownCapability() {
        assertThat(problems(with("id: demo", "id: Demo").replace("capability: verification", "capability: 1:1")))
                .containsExactly(
                        "p.yaml:2:1: id: expected lower-case letters, digits, '.', '_' or '-', starting with a"
                                + " letter or digit, found 'Demo'",
                        "p.yaml:4:1: capability: expected one of verification, identification, analysis,"
                                + " found '1:1'");
    }

    @Test
    void sectionOfAnotherCapability() {
        assertThat(problems(VALID + "analysis:\n  attributes: [sex]\n")).containsExactly(
                "p.yaml:14:1: analysis: section does not match capability 'verification'; a protocol tests one"
                        + " capability, so remove this section");
    }

    @Test
    void capabilityWithoutItsSection() {
        String yaml = VALID.substring(0, VALID.indexOf("verification:\n"));
        assertThat(problems(yaml)).containsExactly(
                "p.yaml:1:1: verification: missing; a protocol of capability 'verification' needs a section"
                        + " 'verification'");
    }

    @Test
    void anotherCapabilityNeedsItsOwnSection() {
        assertThat(problems(with("capability: verification", "capability: analysis"))).containsExactly(
                "p.yaml:1:1: analysis: missing; a protocol of capability 'analysis' needs a section 'analysis'",
                "p.yaml:8:1: verification: section does not match capability 'analysis'; a protocol tests one"
                        + " capability, so remove this section");
    }

    @Test
    void badFmrTargetsAreEachReported() {
        assertThat(problems(with("[1.0e-2, 1e-3]", "[1.0e-3, 1.0e-2, 1.0e-2, 0, 1.5, null]"))).containsExactly(
                "p.yaml:11:25: verification.fmr_targets[1]: targets must be in descending order, but 0.01"
                        + " follows 0.001",
                "p.yaml:11:33: verification.fmr_targets[2]: duplicate target 0.01",
                "p.yaml:11:41: verification.fmr_targets[3]: expected a false match rate strictly between 0 and 1,"
                        + " found 0.0",
                "p.yaml:11:44: verification.fmr_targets[4]: expected a false match rate strictly between 0 and 1,"
                        + " found 1.5",
                "p.yaml:11:49: verification.fmr_targets[5]: expected a false match rate strictly between 0 and 1,"
                        + " found null");
        assertThat(problems(with("[1.0e-2, 1e-3]", "[]")))
                .containsExactly("p.yaml:11:3: verification.fmr_targets: expected at least one false match rate");
    }

    @Test
    void imagesPerTemplateAtLeastOne() {
        assertThat(problems(with("images_per_template: 2", "images_per_template: 0"))).containsExactly(
                "p.yaml:10:3: verification.images_per_template: expected a whole number >= 1, found 0");
    }

    @Test
    void unknownDesignAndPolicy() {
        assertThat(problems(with("all-vs-all", "all-pairs").replace("non-match", "ignore"))).containsExactly(
                "p.yaml:9:3: verification.design: expected one of all-vs-all, pair-list, template-pairs, found 'all-pairs'",
                "p.yaml:13:3: verification.failure_policy: expected one of non-match, found 'ignore'");
    }

    @Test
    void pairListWithAllVsAll() {
        assertThat(problems(with("  images_per_template: 2", "  images_per_template: 2\n  pair_list: pairs.csv")))
                .containsExactly("p.yaml:11:3: verification.pair_list: only used with design pair-list; remove it"
                        + " or set it to null");
    }

    @Test
    void templatePairsNeedBothDatasetListsAndNothingImageLevel() throws Exception {
        String design = "  design: all-vs-all\n  images_per_template: 2";
        ProtocolDefinition p = ProtocolLoader.parse("p.yaml", with(design, "  design: template-pairs\n"
                + "  dataset_list: ijbc-1to1\n  template_list: ijbc-templates").getBytes(StandardCharsets.UTF_8), null);
        VerificationSettings v = p.verification().orElseThrow();
        assertThat(v.design()).isEqualTo(PairDesign.TEMPLATE_PAIRS);
        assertThat(v.datasetList()).contains("ijbc-1to1");
        assertThat(v.templateList()).contains("ijbc-templates");
        assertThat(v.pairList()).isEmpty();
        assertThat(problems(with(design, "  design: template-pairs\n  images_per_template: 2"))).containsExactly(
                "p.yaml:8:1: verification.dataset_list: missing; expected the name of the dataset's template pair list",
                "p.yaml:8:1: verification.template_list: missing; expected the name of the dataset's templates list",
                "p.yaml:10:3: verification.images_per_template: not used with design template-pairs, where the"
                        + " templates list names the samples of each template; remove it");
        assertThat(problems(with(design, "  design: all-vs-all\n  images_per_template: 2\n  template_list: t")))
                .containsExactly("p.yaml:11:3: verification.template_list: only used with design template-pairs;"
                        + " remove it");
    }

    private static String pairListProtocol(String pairListLines) {
        return with("  design: all-vs-all\n  images_per_template: 2", "  design: pair-list\n" + pairListLines);
    }

    @Test
    void pairListDesignNeedsItsFileAndHash() {
        assertThat(problems(pairListProtocol("  images_per_template: 1"), dir)).containsExactly(
                "p.yaml:8:1: verification.pair_list_sha256: missing; expected the SHA-256 of the pair-list file"
                        + " (64 lower-case hex digits), which pins the pairs as the protocol's own hash pins the"
                        + " protocol",
                "p.yaml:8:1: verification.pair_list: missing; expected the path of a pair-list CSV file, relative"
                        + " to the protocol file",
                "p.yaml:10:3: verification.images_per_template: not used with design pair-list, where the pair"
                        + " list names the samples of each template; remove it");
    }

    @Test
    void pairListFileMustExistBeRelativeAndBeResolvable() {
        String hash = "  pair_list_sha256: \"" + "0".repeat(64) + "\"";
        assertThat(problems(pairListProtocol("  pair_list: missing.csv\n" + hash), dir)).containsExactly(
                "p.yaml:10:3: verification.pair_list: pair list file not found: " + dir.resolve("missing.csv"));
        assertThat(problems(pairListProtocol("  pair_list: /etc/pairs.csv\n" + hash), dir)).containsExactly(
                "p.yaml:10:3: verification.pair_list: '/etc/pairs.csv' is absolute; expected a path relative to"
                        + " the protocol file's folder");
        assertThat(problems(pairListProtocol("  pair_list: pairs.csv\n" + hash), null)).containsExactly(
                "p.yaml:10:3: verification.pair_list: cannot be resolved: p.yaml is not a file on disk, so it has"
                        + " no folder to resolve the pair list against");
    }

    @Test
    void pairListIsPinnedByItsHash() throws Exception {
        byte[] pairs = "enrolment_samples,probe_samples\ns1,s2\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("pairs.csv"), pairs);
        String yaml = pairListProtocol("  pair_list: pairs.csv\n  pair_list_sha256: " + Sha256.hex(pairs));

        ProtocolDefinition p = ProtocolLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
        assertThat(p.verification().orElseThrow().pairList()).contains(dir.resolve("pairs.csv").toAbsolutePath());
        assertThat(p.verification().orElseThrow().imagesPerTemplate()).isZero();

        Files.writeString(dir.resolve("pairs.csv"), "enrolment_samples,probe_samples\ns1,s3\n");
        assertThat(problems(yaml, dir)).singleElement().asString().startsWith(
                "p.yaml:11:3: verification.pair_list_sha256: the pair list " + dir.resolve("pairs.csv")
                        + " has changed: its bytes hash to ");
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        assertThat(problems(with("[1.0e-2, 1e-3]", "[1.0e-2, 1e-3"))).singleElement().asString()
                .startsWith("p.yaml:12:").contains(": invalid YAML: ").contains("expected ',' or ']'");
    }

    @Test
    void duplicateKey() {
        assertThat(problems(VALID + "seed: 8\n")).containsExactly("p.yaml:14:5: invalid YAML: Duplicate field 'seed'");
    }

    @Test
    void secondDocument() {
        assertThat(problems(VALID + "---\nid: other\n")).singleElement().asString()
                .startsWith("p.yaml:15:1: invalid YAML: a protocol file holds one YAML document");
    }

    @Test
    void emptyOrScalarFile() {
        assertThat(problems("")).containsExactly("p.yaml: the protocol is empty: expected a YAML mapping starting"
                + " with 'schema: touchstone-protocol/1'");
        assertThat(problems("# only a comment\n")).hasSize(1);
        assertThat(problems("just text\n"))
                .containsExactly("p.yaml:1:1: expected a YAML mapping of fields at the top level, found text 'just text'");
    }

    @Test
    void notUtf8() {
        assertThat(catchThrowableOfType(ProtocolException.class, () -> ProtocolLoader.parse("p.yaml",
                new byte[] {'i', 'd', ':', ' ', (byte) 0xFF, '\n'}, null)).getMessage())
                .isEqualTo("p.yaml:1: not valid UTF-8 text; a protocol file must be saved as UTF-8");
    }
}
