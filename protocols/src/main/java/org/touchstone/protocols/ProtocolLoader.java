package org.touchstone.protocols;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.touchstone.api.Capability;
import org.touchstone.runformat.io.ContainedPaths;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.protocols.support.Utf8;

/**
 * Parses and validates a protocol file (see {@code docs/protocol-format.md}). Parsing is strict: unknown
 * fields, values of the wrong type (no text read as a number, no number read as text, no fraction read
 * as a whole number) and duplicate keys are errors. Every problem names the source, line, column and
 * field path, and says what was expected; as many problems as can be found are reported together.
 */
public final class ProtocolLoader {
    /** The schema this version of Touchstone reads. */
    public static final String SCHEMA = "touchstone-protocol/1";
    /** Every schema this version of Touchstone reads. */
    public static final List<String> SUPPORTED_SCHEMAS = List.of(SCHEMA);

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private ProtocolLoader() {
    }

    /**
     * @param sourceName    the resource name or file path, used in messages and kept in the definition
     * @param yaml          the protocol file's bytes (UTF-8)
     * @param baseDirOrNull the folder a pair list is resolved against (the protocol file's folder), or
     *                      {@code null} for a protocol that is not a file on disk
     * @return the validated protocol
     * @throws ProtocolException listing every problem found
     */
    public static ProtocolDefinition parse(String sourceName, byte[] yaml, Path baseDirOrNull) throws ProtocolException {
        String text;
        try {
            text = Utf8.decode(yaml);
        } catch (Utf8.MalformedException e) {
            throw new ProtocolException(new ProtocolProblem(sourceName, e.line(), 0, null,
                    "not valid UTF-8 text; a protocol file must be saved as UTF-8"));
        }
        YamlLocations locations;
        JsonNode tree;
        try {
            locations = YamlLocations.index(MAPPER, text);
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(syntaxProblem(sourceName, e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
        Validation validation = new Validation(sourceName, locations, tree, baseDirOrNull);
        return validation.run(text, Sha256.hex(yaml));
    }

    private static ProtocolProblem syntaxProblem(String source, JsonProcessingException e) {
        // SnakeYAML's messages quote the offending text on indented lines with a caret under it; the
        // location is reported separately, so keep only the explanation lines.
        String message = e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
        JsonLocation at = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
        return new ProtocolProblem(source, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), null,
                "invalid YAML: " + message);
    }

    /** The fields of a protocol file as written; validated into a {@link ProtocolDefinition}. */
    private record ProtocolDocument(String schema, String id, String version, String capability, String title,
                                    String description, Long seed, VerificationDocument verification,
                                    IdentificationDocument identification, AnalysisDocument analysis) {
    }

    /** The fields of the {@code verification} section as written. */
    private record VerificationDocument(String design, String pairList, String pairListSha256, String datasetList,
                                        Integer imagesPerTemplate, List<Double> fmrTargets, Boolean vendorThresholds,
                                        String failurePolicy, Integer folds, String templateList) {
    }

    /** The fields of the {@code identification} section as written. */
    private record IdentificationDocument(Integer enrolmentImages, SplitDocument subjectSplit,
                                          CountsDocument subjectCounts, List<Integer> distractorCounts, Integer candidateListLength,
                                          List<Integer> ranks, List<Double> fpirTargets, Boolean vendorThresholds,
                                          String failurePolicy, String design, String templateList,
                                          List<String> galleryLists, String probeList, Integer fnirRank,
                                          Boolean averageGalleries, String distractorList, List<Double> farTargets) {
    }

    /** The {@code identification.design} of the IJB 1:N protocols; absent means the subject-split design. */
    static final String TEMPLATE_GALLERIES = "template-galleries";

    /** The {@code identification.design} of MegaFace Challenge 1. */
    private static final String MEGAFACE_C1 = MegafaceChallengeSettings.DESIGN;

    /** The {@code identification.subject_split} mapping as written. */
    private record SplitDocument(Double mated, Double nonMated, Double distractors) {
    }

    /** The {@code identification.subject_counts} mapping as written. */
    private record CountsDocument(Integer mated, Integer nonMated, Integer distractors) {
    }

    /** The fields of the {@code analysis} section as written. */
    private record AnalysisDocument(List<String> attributes, List<Double> confidenceThresholds,
                                    Boolean vendorThresholds, List<Integer> ageThresholds, Integer calibrationBins,
                                    JsonNode groupColumns, List<List<String>> intersections,
                                    Double equivalenceMargin, String failurePolicy) {
    }

    /** One validation of one protocol text: the problems found so far and where each field is. */
    private static final class Validation {
        private final String source;
        private final YamlLocations locations;
        private final JsonNode tree;
        private final Path baseDir;
        private final List<ProtocolProblem> problems = new ArrayList<>();

        Validation(String source, YamlLocations locations, JsonNode tree, Path baseDir) {
            this.source = source;
            this.locations = locations;
            this.tree = tree;
            this.baseDir = baseDir;
        }

        ProtocolDefinition run(String text, String sha256) throws ProtocolException {
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw failure("", "the protocol is empty: expected a YAML mapping starting with 'schema: " + SCHEMA + "'");
            }
            if (!tree.isObject()) {
                throw failure("", "expected a YAML mapping of fields at the top level, found " + describe(tree));
            }
            JsonNode schema = tree.get("schema");
            if (schema == null || schema.isNull()) {
                throw failure("/schema", "missing; a protocol file starts with 'schema: " + SCHEMA + "'");
            }
            if (!schema.isTextual() || !SUPPORTED_SCHEMAS.contains(schema.asText())) {
                String found = schema.isTextual() ? "'" + schema.asText() + "'" : describe(schema);
                throw failure("/schema", "unknown schema " + found + "; this version of Touchstone reads "
                        + String.join(", ", SUPPORTED_SCHEMAS));
            }
            locations.surprises().forEach(this::problem);
            ProtocolDocument document = bind();
            if (document == null) {
                throw failure();
            }
            String id = required(document.id, "/id", "an id such as verification");
            if (id != null && !ProtocolDefinition.ID_PATTERN.matcher(id).matches()) {
                problem("/id", "expected lower-case letters, digits, '.', '_' or '-', starting with a letter or"
                        + " digit, found '" + id + "'");
            }
            SemanticVersion version = semanticVersion(required(document.version, "/version",
                    "a semantic version such as 1.0.0"));
            Capability capability = capability(required(document.capability, "/capability",
                    "one of " + ExternalNames.all(Capability.class)));
            String title = text(document.title, "/title", "a one-line title");
            if (title != null && title.contains("\n")) {
                problem("/title", "expected one line; put details in description");
            }
            String description = text(document.description, "/description", "a description of the protocol");
            Long seed = required(document.seed, "/seed", "a whole number, the seed of every random choice");
            sections(document, capability);
            // Only the section of the protocol's own capability is validated; another is already an error.
            Optional<VerificationSettings> verification = document.verification == null
                    || capability != Capability.VERIFICATION ? Optional.empty() : verification(document.verification);
            Optional<IdentificationSettings> identification = document.identification == null
                    || capability != Capability.IDENTIFICATION
                    ? Optional.empty() : identification(document.identification);
            Optional<AnalysisSettings> analysis = document.analysis == null || capability != Capability.ANALYSIS
                    ? Optional.empty() : analysis(document.analysis);
            if (!problems.isEmpty()) {
                throw failure();
            }
            return new ProtocolDefinition(id, version, capability, title, description, seed, sha256, source,
                    text, verification, identification, analysis);
        }

        /** @return the bound document, or null if binding failed (the problems say why) */
        private ProtocolDocument bind() {
            DeserializationProblemHandler unknownFields = new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                     JsonDeserializer<?> deserializer, Object bean,
                                                     String name) throws IOException {
                    problem(parser.getParsingContext().pathAsPointer(), "unknown field; expected one of "
                            + String.join(", ", new TreeSet<>(names(deserializer.getKnownPropertyNames()))));
                    parser.skipChildren();
                    return true;
                }
            };
            try {
                return MAPPER.readerFor(ProtocolDocument.class).withHandler(unknownFields).readValue(tree);
            } catch (MismatchedInputException e) {
                JsonPointer at = YamlLocations.pointer(e);
                problem(at, "expected " + expected(e.getTargetType()) + ", found " + describe(tree.at(at)));
            } catch (JsonMappingException e) {
                problem(YamlLocations.pointer(e), e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("binding a YAML tree", e);
            }
            return null;
        }

        private static List<String> names(Collection<Object> ids) {
            return ids.stream().map(String::valueOf).toList();
        }

        private void sections(ProtocolDocument document, Capability capability) {
            Map<Capability, Boolean> present = Map.of(
                    Capability.VERIFICATION, document.verification != null,
                    Capability.IDENTIFICATION, document.identification != null,
                    Capability.ANALYSIS, document.analysis != null);
            for (Capability section : Capability.values()) {
                String name = ExternalNames.of(section);
                if (present.get(section) && capability != null && section != capability) {
                    problem("/" + name, "section does not match capability '" + ExternalNames.of(capability)
                            + "'; a protocol tests one capability, so remove this section");
                } else if (!present.get(section) && section == capability) {
                    problem("/" + name, "missing; a protocol of capability '" + name + "' needs a section '"
                            + name + "'");
                }
            }
        }

        private Optional<VerificationSettings> verification(VerificationDocument v) {
            PairDesign design = enumValue(PairDesign.class, required(v.design, "/verification/design",
                    "one of " + ExternalNames.all(PairDesign.class)), "/verification/design");
            Optional<String> datasetList = Optional.ofNullable(v.datasetList);
            Optional<String> templateList = Optional.ofNullable(v.templateList);
            Optional<Path> pairList = Optional.empty();
            if (design == PairDesign.TEMPLATE_PAIRS) {
                required(v.datasetList, "/verification/dataset_list", "the name of the dataset's template pair list");
                required(v.templateList, "/verification/template_list", "the name of the dataset's templates list");
                for (String name : new String[] {v.datasetList, v.templateList}) {
                    if (name != null && !name.matches("[a-z0-9][a-z0-9._-]*")) {
                        problem(name == v.datasetList ? "/verification/dataset_list" : "/verification/template_list",
                                "expected the name of a protocol list the dataset declares (lower-case letters, digits,"
                                        + " '.', '_', '-'), found '" + name + "'");
                    }
                }
                if (v.pairList != null || v.pairListSha256 != null) {
                    problem("/verification/pair_list", "not used with design template-pairs, whose pairs are the"
                            + " dataset's list; remove it");
                }
            } else if (design != null && v.templateList != null) {
                problem("/verification/template_list", "only used with design template-pairs; remove it");
            }
            if (design != PairDesign.TEMPLATE_PAIRS && v.datasetList != null) {
                if (design != PairDesign.PAIR_LIST) {
                    problem("/verification/dataset_list", "only used with design pair-list or template-pairs; remove it");
                } else if (!v.datasetList.matches("[a-z0-9][a-z0-9._-]*")) {
                    problem("/verification/dataset_list", "expected the name of a protocol list the dataset declares"
                            + " (lower-case letters, digits, '.', '_', '-'), found '" + v.datasetList + "'");
                }
                if (v.pairList != null || v.pairListSha256 != null) {
                    problem("/verification/pair_list", "give either dataset_list (a list the imported dataset"
                            + " declares) or pair_list with pair_list_sha256 (a file beside the protocol), not both");
                }
            } else if (design != PairDesign.TEMPLATE_PAIRS) {
                pairList = pairList(v.pairList, v.pairListSha256, design);
            }
            int folds = 0;
            if (v.folds != null) {
                if (design != PairDesign.PAIR_LIST) {
                    problem("/verification/folds", "k-fold accuracy needs a pair list giving each pair's fold;"
                            + " design is not pair-list");
                } else if (v.folds < 2 || v.folds > 100) {
                    problem("/verification/folds", "expected a whole number from 2 to 100 (LFW uses 10), found " + v.folds);
                } else {
                    folds = v.folds;
                }
            }
            int imagesPerTemplate = 0;
            if (design != null && design != PairDesign.ALL_VS_ALL && v.imagesPerTemplate != null) {
                problem("/verification/images_per_template", design == PairDesign.PAIR_LIST
                        ? "not used with design pair-list, where the pair list names the samples of each template;"
                        + " remove it" : "not used with design template-pairs, where the templates list names the"
                        + " samples of each template; remove it");
            } else if (design == PairDesign.ALL_VS_ALL) {
                Integer n = required(v.imagesPerTemplate, "/verification/images_per_template",
                        "a whole number >= 1");
                if (n != null && n < 1) {
                    problem("/verification/images_per_template", "expected a whole number >= 1, found " + n);
                }
                imagesPerTemplate = n == null ? 0 : n;
            }
            List<Double> targets = descendingRates(required(v.fmrTargets, "/verification/fmr_targets",
                    "a list of false match rates such as [1.0e-3, 1.0e-4]"), "/verification/fmr_targets",
                    "false match rate");
            Boolean vendorThresholds = required(v.vendorThresholds, "/verification/vendor_thresholds", "true or false");
            FailurePolicy policy = enumValue(FailurePolicy.class, required(v.failurePolicy,
                    "/verification/failure_policy", "one of " + ExternalNames.all(FailurePolicy.class)),
                    "/verification/failure_policy");
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new VerificationSettings(design, pairList, datasetList, imagesPerTemplate, targets,
                    vendorThresholds, policy, folds, templateList));
        }

        /** @return the pair list, absolute, if the design uses one and it is given, found and unchanged */
        private Optional<Path> pairList(String pairList, String sha256, PairDesign design) {
            String at = "/verification/pair_list";
            String hashAt = "/verification/pair_list_sha256";
            if (design != PairDesign.PAIR_LIST) {
                if (design != null && pairList != null) {
                    problem(at, "only used with design pair-list; remove it or set it to null");
                }
                if (design != null && sha256 != null) {
                    problem(hashAt, "only used with design pair-list; remove it or set it to null");
                }
                return Optional.empty();
            }
            required(sha256, hashAt, "the SHA-256 of the pair-list file (64 lower-case hex digits), which pins"
                    + " the pairs as the protocol's own hash pins the protocol");
            if (sha256 != null && !Sha256.isHexDigest(sha256)) {
                problem(hashAt, "expected 64 lower-case hex digits, found '" + sha256 + "'");
                sha256 = null;
            }
            if (required(pairList, at, "the path of a pair-list CSV file, relative to the protocol file") == null) {
                return Optional.empty();
            }
            if (baseDir == null) {
                problem(at, "cannot be resolved: " + source + " is not a file on disk, so it has no folder to"
                        + " resolve the pair list against");
                return Optional.empty();
            }
            Path resolved;
            try {
                Path relative = Path.of(pairList);
                if (relative.isAbsolute() || pairList.startsWith("/")) {
                    problem(at, "'" + pairList + "' is absolute; expected a path relative to the protocol file's folder");
                    return Optional.empty();
                }
                // The pair list is part of the protocol: it lives in the protocol's folder (or below), reached
                // neither by "../" nor by a symbolic link that leaves the folder.
                resolved = ContainedPaths.resolveForReading(baseDir, pairList);
            } catch (InvalidPathException e) {
                problem(at, "invalid path '" + pairList + "': " + e.getReason());
                return Optional.empty();
            } catch (IOException e) {
                problem(at, e.getMessage() + "; expected a file in the protocol file's folder or below it");
                return Optional.empty();
            }
            if (!Files.isRegularFile(resolved)) {
                problem(at, "pair list file not found: " + resolved);
                return Optional.empty();
            }
            try {
                String actual = Sha256.hex(resolved);
                if (sha256 != null && !actual.equals(sha256)) {
                    problem(hashAt, "the pair list " + resolved + " has changed: its bytes hash to " + actual
                            + ", the protocol says " + sha256);
                }
            } catch (IOException e) {
                problem(at, "cannot read the pair list " + resolved + ": " + e);
            }
            return Optional.of(resolved);
        }

        /** Rates strictly between 0 and 1, strictly descending: FMR and FPIR targets. */
        private List<Double> descendingRates(List<Double> targets, String at, String what) {
            if (targets == null) {
                return List.of();
            }
            if (targets.isEmpty()) {
                problem(at, "expected at least one " + what);
            }
            Double previous = null;
            for (int i = 0; i < targets.size(); i++) {
                Double target = targets.get(i);
                JsonPointer element = JsonPointer.compile(at).appendIndex(i);
                if (target == null || !(target > 0 && target < 1)) {
                    problem(element, "expected a " + what + " strictly between 0 and 1, found " + target);
                    continue;
                }
                if (previous != null && target.equals(previous)) {
                    problem(element, "duplicate target " + target);
                } else if (previous != null && target > previous) {
                    problem(element, "targets must be in descending order, but " + target + " follows " + previous);
                }
                previous = target;
            }
            return targets;
        }

        private Optional<IdentificationSettings> identification(IdentificationDocument d) {
            String at = "/identification";
            if (d.design != null && !d.design.equals(TEMPLATE_GALLERIES) && !d.design.equals(MEGAFACE_C1)) {
                problem(at + "/design", "expected " + TEMPLATE_GALLERIES + " or " + MEGAFACE_C1 + " (or no design:"
                        + " subjects split by the seed), found '" + d.design + "'");
                return Optional.empty();
            }
            if (MEGAFACE_C1.equals(d.design)) {
                return megafaceChallenge(d, at);
            }
            if (d.design == null) {
                for (var unused : List.of(Map.entry("distractor_list", d.distractorList != null),
                        Map.entry("far_targets", d.farTargets != null))) {
                    if (unused.getValue()) {
                        problem(at + "/" + unused.getKey(), "only used with design " + MEGAFACE_C1 + "; remove it");
                    }
                }
            }
            if (d.design != null) {
                return templateGalleries(d, at);
            }
            for (String field : new String[] {"template_list", "gallery_lists", "probe_list", "fnir_rank",
                    "average_galleries"}) {
                Object value = switch (field) {
                    case "template_list" -> d.templateList;
                    case "gallery_lists" -> d.galleryLists;
                    case "probe_list" -> d.probeList;
                    case "fnir_rank" -> d.fnirRank;
                    default -> d.averageGalleries;
                };
                if (value != null) {
                    problem(at + "/" + field, "only used with design " + TEMPLATE_GALLERIES + "; remove it");
                }
            }
            Integer enrolmentImages = atLeast(required(d.enrolmentImages, at + "/enrolment_images",
                    "a whole number >= 1"), 1, at + "/enrolment_images");
            SubjectAllocation split = allocation(d, at);
            List<Integer> counts = ascendingWholeNumbers(required(d.distractorCounts, at + "/distractor_counts",
                    "a list of distractor counts such as [0, 10, 100, 1000]"), at + "/distractor_counts", 0);
            if (split instanceof SubjectCounts fixed && counts != null) {
                for (int i = 0; i < counts.size(); i++) {
                    if (counts.get(i) != null && counts.get(i) > fixed.distractors()) {
                        problem(JsonPointer.compile(at + "/distractor_counts").appendIndex(i), "gallery of "
                                + counts.get(i) + " distractors exceeds subject_counts.distractors ("
                                + fixed.distractors() + "): it could never be built");
                    }
                }
            }
            Integer length = candidateListLength(d, at);
            List<Integer> ranks = ranks(d, at, length);
            List<Double> fpir = descendingRates(required(d.fpirTargets, at + "/fpir_targets",
                    "a list of false positive identification rates such as [1.0e-2, 3.0e-3]"), at + "/fpir_targets",
                    "false positive identification rate");
            Boolean vendor = required(d.vendorThresholds, at + "/vendor_thresholds", "true or false");
            FailurePolicy policy = enumValue(FailurePolicy.class, required(d.failurePolicy, at + "/failure_policy",
                    "one of " + ExternalNames.all(FailurePolicy.class)), at + "/failure_policy");
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new IdentificationSettings(enrolmentImages, split, counts, length, ranks, fpir, vendor,
                    policy));
        }

        /** The template-galleries design: the dataset's template lists instead of a subject split. */
        private Optional<IdentificationSettings> templateGalleries(IdentificationDocument d, String at) {
            for (String field : new String[] {"enrolment_images", "subject_split", "subject_counts",
                    "distractor_counts", "distractor_list", "far_targets"}) {
                Object value = switch (field) {
                    case "enrolment_images" -> d.enrolmentImages;
                    case "subject_split" -> d.subjectSplit;
                    case "subject_counts" -> d.subjectCounts;
                    case "distractor_list" -> d.distractorList;
                    case "far_targets" -> d.farTargets;
                    default -> d.distractorCounts;
                };
                if (value != null) {
                    problem(at + "/" + field, "not used with design " + TEMPLATE_GALLERIES + ", whose galleries and"
                            + " probes are the dataset's template lists; remove it");
                }
            }
            String templateList = listName(required(d.templateList, at + "/template_list",
                    "the name of the dataset's templates list"), at + "/template_list");
            String probeList = listName(required(d.probeList, at + "/probe_list",
                    "the name of the dataset's probe template list"), at + "/probe_list");
            List<String> galleryLists = required(d.galleryLists, at + "/gallery_lists",
                    "a list of the dataset's gallery template lists such as [ijbc-gallery-G1, ijbc-gallery-G2]");
            if (galleryLists != null) {
                if (galleryLists.isEmpty()) {
                    problem(at + "/gallery_lists", "empty; expected at least one gallery list");
                }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < galleryLists.size(); i++) {
                    JsonPointer element = JsonPointer.compile(at + "/gallery_lists").appendIndex(i);
                    String name = galleryLists.get(i);
                    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                        problem(element, "expected the name of a protocol list the dataset declares (letters,"
                                + " digits, '.', '_', '-'), found '" + name + "'");
                    } else if (!seen.add(name)) {
                        problem(element, "gallery list " + name + " is named twice");
                    } else if (name.equals(probeList)) {
                        problem(element, "the probe list cannot also be a gallery");
                    }
                }
            }
            Integer length = candidateListLength(d, at);
            List<Integer> ranks = ranks(d, at, length);
            Integer fnirRank = atLeast(required(d.fnirRank, at + "/fnir_rank",
                    "the rank R of FNIR(N, R, T) at the FPIR targets, a whole number >= 1 (insightface's IJB report: 1)"),
                    1, at + "/fnir_rank");
            if (fnirRank != null && length != null && fnirRank > length) {
                problem(at + "/fnir_rank", "rank " + fnirRank + " exceeds the candidate list length " + length);
            }
            Boolean averaged = required(d.averageGalleries, at + "/average_galleries", "true or false");
            List<Double> fpir = descendingRates(required(d.fpirTargets, at + "/fpir_targets",
                    "a list of false positive identification rates such as [1.0e-1, 1.0e-2]"), at + "/fpir_targets",
                    "false positive identification rate");
            Boolean vendor = required(d.vendorThresholds, at + "/vendor_thresholds", "true or false");
            FailurePolicy policy = enumValue(FailurePolicy.class, required(d.failurePolicy, at + "/failure_policy",
                    "one of " + ExternalNames.all(FailurePolicy.class)), at + "/failure_policy");
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new IdentificationSettings(0, null, List.of(), length, ranks, fpir, vendor, policy,
                    Optional.of(new TemplateGalleries(templateList, galleryLists, probeList, fnirRank, averaged)),
                    Optional.empty()));
        }

        /** A dataset list's name as a protocol may give it; problems recorded. */
        private String listName(String name, String at) {
            if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                problem(at, "expected the name of a protocol list the dataset declares (letters, digits, '.',"
                        + " '_', '-'), found '" + name + "'");
            }
            return name;
        }

        /** Design megaface-c1: roles from the dataset's lists; the subject-split fields do not apply. */
        private Optional<IdentificationSettings> megafaceChallenge(IdentificationDocument d, String at) {
            for (var unused : List.of(Map.entry("enrolment_images", d.enrolmentImages != null),
                    Map.entry("subject_split", d.subjectSplit != null), Map.entry("subject_counts", d.subjectCounts != null),
                    Map.entry("fpir_targets", d.fpirTargets != null),
                    Map.entry("vendor_thresholds", d.vendorThresholds != null),
                    Map.entry("template_list", d.templateList != null), Map.entry("gallery_lists", d.galleryLists != null),
                    Map.entry("fnir_rank", d.fnirRank != null), Map.entry("average_galleries", d.averageGalleries != null))) {
                if (unused.getValue()) {
                    problem(at + "/" + unused.getKey(), "not used with design " + MEGAFACE_C1 + ", whose roles"
                            + " come from the dataset's lists; remove it");
                }
            }
            String probeList = text(d.probeList, at + "/probe_list", "the dataset list of probe images");
            String distractorList = text(d.distractorList, at + "/distractor_list",
                    "the dataset list of each gallery's distractors, such as megaface-distractors-"
                            + MegafaceChallengeSettings.COUNT);
            if (distractorList != null && !distractorList.contains(MegafaceChallengeSettings.COUNT)) {
                problem(at + "/distractor_list", "expected the placeholder " + MegafaceChallengeSettings.COUNT
                        + " standing for the gallery's size, found '" + distractorList + "'");
            }
            List<Integer> counts = ascendingWholeNumbers(required(d.distractorCounts, at + "/distractor_counts",
                    "a list of distractor counts such as [10, 100, 1000]"), at + "/distractor_counts", 1);
            Integer length = candidateListLength(d, at);
            List<Integer> ranks = ranks(d, at, length);
            List<Double> far = descendingRates(required(d.farTargets, at + "/far_targets",
                    "a list of false accept rates such as [1.0e-6]"), at + "/far_targets", "false accept rate");
            FailurePolicy policy = enumValue(FailurePolicy.class, required(d.failurePolicy, at + "/failure_policy",
                    "one of " + ExternalNames.all(FailurePolicy.class)), at + "/failure_policy");
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(IdentificationSettings.megafaceChallenge(new MegafaceChallengeSettings(probeList,
                    distractorList, counts, length, ranks, far, policy)));
        }

        /** {@code candidate_list_length}, K, whatever the design; problems recorded. */
        private Integer candidateListLength(IdentificationDocument d, String at) {
            return atLeast(required(d.candidateListLength, at + "/candidate_list_length", "a whole number >= 1"), 1,
                    at + "/candidate_list_length");
        }

        /** {@code ranks}, ascending and each at most K, whatever the design; problems recorded. */
        private List<Integer> ranks(IdentificationDocument d, String at, Integer length) {
            List<Integer> ranks = ascendingWholeNumbers(required(d.ranks, at + "/ranks",
                    "a list of ranks such as [1, 5, 10]"), at + "/ranks", 1);
            if (length != null && ranks != null) {
                for (int i = 0; i < ranks.size(); i++) {
                    if (ranks.get(i) != null && ranks.get(i) > length) {
                        problem(JsonPointer.compile(at + "/ranks").appendIndex(i), "rank " + ranks.get(i)
                                + " exceeds the candidate list length " + length);
                    }
                }
            }
            return ranks;
        }

        /** Exactly one of {@code subject_split} and {@code subject_counts}. */
        private SubjectAllocation allocation(IdentificationDocument d, String at) {
            if (d.subjectSplit != null && d.subjectCounts != null) {
                problem(at + "/subject_counts", "give either subject_split (fractions of the dataset) or"
                        + " subject_counts (numbers of subjects), not both");
                return null;
            }
            if (d.subjectCounts != null) {
                return counts(d.subjectCounts, at + "/subject_counts");
            }
            if (d.subjectSplit == null) {
                problem(at, "missing subject_split or subject_counts; expected a mapping of fractions 'mated',"
                        + " 'non_mated' and 'distractors' summing to 1 (subject_split), or of numbers of subjects"
                        + " (subject_counts)");
                return null;
            }
            return split(d.subjectSplit, at + "/subject_split");
        }

        private SubjectCounts counts(CountsDocument d, String at) {
            Integer mated = atLeast(required(d.mated, at + "/mated", "a number of subjects >= 1"), 1, at + "/mated");
            Integer nonMated = atLeast(required(d.nonMated, at + "/non_mated", "a number of subjects >= 1"), 1,
                    at + "/non_mated");
            Integer distractors = atLeast(required(d.distractors, at + "/distractors", "a number of subjects >= 0"),
                    0, at + "/distractors");
            return mated == null || nonMated == null || distractors == null ? null
                    : new SubjectCounts(mated, nonMated, distractors);
        }

        private SubjectSplit split(SplitDocument d, String at) {
            if (d == null) {
                return null;
            }
            Double mated = fraction(required(d.mated, at + "/mated", "a fraction in (0, 1)"), at + "/mated", false);
            Double nonMated = fraction(required(d.nonMated, at + "/non_mated", "a fraction in (0, 1)"),
                    at + "/non_mated", false);
            Double distractors = fraction(required(d.distractors, at + "/distractors", "a fraction in [0, 1)"),
                    at + "/distractors", true);
            if (mated == null || nonMated == null || distractors == null) {
                return null;
            }
            if (Math.abs(mated + nonMated + distractors - 1) > 1e-9) {
                problem(at, "the fractions must sum to 1, they sum to " + (mated + nonMated + distractors));
                return null;
            }
            return new SubjectSplit(mated, nonMated, distractors);
        }

        private Double fraction(Double value, String at, boolean zeroAllowed) {
            if (value != null && !((zeroAllowed ? value >= 0 : value > 0) && value < 1)) {
                problem(at, "expected a fraction in " + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", found " + value);
                return null;
            }
            return value;
        }

        private Integer atLeast(Integer value, int min, String at) {
            if (value != null && value < min) {
                problem(at, "expected a whole number >= " + min + ", found " + value);
                return null;
            }
            return value;
        }

        /** Whole numbers >= min, strictly ascending (hence unique). */
        private List<Integer> ascendingWholeNumbers(List<Integer> values, String at, int min) {
            if (values == null) {
                return null;
            }
            if (values.isEmpty()) {
                problem(at, "expected at least one value");
            }
            Integer previous = null;
            for (int i = 0; i < values.size(); i++) {
                Integer value = values.get(i);
                JsonPointer element = JsonPointer.compile(at).appendIndex(i);
                if (value == null || value < min) {
                    problem(element, "expected a whole number >= " + min + ", found " + value);
                    continue;
                }
                if (previous != null && value <= previous) {
                    problem(element, "values must be strictly ascending, but " + value + " follows " + previous);
                }
                previous = value;
            }
            return values;
        }

        private Optional<AnalysisSettings> analysis(AnalysisDocument d) {
            String at = "/analysis";
            List<String> attributes = attributes(required(d.attributes, at + "/attributes",
                    "a list of attribute names such as [sex, smile]"), at + "/attributes");
            List<Double> confidence = confidenceThresholds(required(d.confidenceThresholds,
                    at + "/confidence_thresholds", "a list of confidences such as [0.5, 0.9, 0.99]"),
                    at + "/confidence_thresholds");
            Boolean vendor = required(d.vendorThresholds, at + "/vendor_thresholds", "true or false");
            List<Integer> ages = d.ageThresholds == null ? List.of()
                    : ascendingWholeNumbers(d.ageThresholds, at + "/age_thresholds", 1);
            Integer bins = required(d.calibrationBins, at + "/calibration_bins", "a whole number from 2 to 100");
            if (bins != null && (bins < 2 || bins > 100)) {
                problem(at + "/calibration_bins", "expected a whole number from 2 to 100, found " + bins);
            }
            Optional<List<String>> groupColumns = groupColumns(required(d.groupColumns, at + "/group_columns",
                    "'all' or a list of group column names"), at + "/group_columns");
            List<List<String>> intersections = intersections(d.intersections == null ? List.of() : d.intersections,
                    at + "/intersections");
            Double margin = required(d.equivalenceMargin, at + "/equivalence_margin",
                    "the parity margin, an absolute difference in (0, 1), such as 0.02");
            if (margin != null && !(margin > 0 && margin < 1)) {
                problem(at + "/equivalence_margin", "expected a number in (0, 1), found " + margin);
            }
            AnalysisFailurePolicy policy = enumValue(AnalysisFailurePolicy.class, required(d.failurePolicy,
                    at + "/failure_policy", "one of " + ExternalNames.all(AnalysisFailurePolicy.class)),
                    at + "/failure_policy");
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AnalysisSettings(attributes, confidence, vendor, ages, bins, groupColumns,
                    intersections, margin, policy));
        }

        private List<String> attributes(List<String> names, String at) {
            if (names == null) {
                return null;
            }
            if (names.isEmpty()) {
                problem(at, "expected at least one attribute");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                JsonPointer element = JsonPointer.compile(at).appendIndex(i);
                if (name == null || !isAttributeName(name)) {
                    problem(element, "expected a standard attribute ("
                            + org.touchstone.api.Attribute.standard().stream().map(Object::toString)
                            .collect(Collectors.joining(", ")) + ") or a vendor attribute 'x-...', found '"
                            + name + "'");
                } else if (!seen.add(name)) {
                    problem(element, "duplicate attribute '" + name + "'");
                }
            }
            return names;
        }

        private static boolean isAttributeName(String name) {
            return name.matches("x-[a-z][a-z0-9_.-]*")
                    || org.touchstone.api.Attribute.standard().stream().anyMatch(a -> a.name().equals(name));
        }

        private List<Double> confidenceThresholds(List<Double> values, String at) {
            if (values == null) {
                return null;
            }
            if (values.isEmpty()) {
                problem(at, "expected at least one confidence threshold");
            }
            Double previous = null;
            for (int i = 0; i < values.size(); i++) {
                Double value = values.get(i);
                JsonPointer element = JsonPointer.compile(at).appendIndex(i);
                if (value == null || !(value >= 0 && value <= 1)) {
                    problem(element, "expected a confidence in [0, 1], found " + value);
                    continue;
                }
                if (previous != null && value <= previous) {
                    problem(element, "thresholds must be strictly ascending, but " + value + " follows " + previous);
                }
                previous = value;
            }
            return values;
        }

        private Optional<List<String>> groupColumns(JsonNode node, String at) {
            if (node == null) {
                return Optional.empty();
            }
            if (node.isTextual() && node.asText().equals("all")) {
                return Optional.empty();
            }
            if (!node.isArray() || node.isEmpty()) {
                problem(at, "expected 'all' or a non-empty list of group column names, found " + describe(node));
                return Optional.empty();
            }
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode c = node.get(i);
                if (!c.isTextual() || !c.asText().matches("[a-z0-9][a-z0-9_.-]*")) {
                    problem(JsonPointer.compile(at).appendIndex(i), "expected a group column name, found "
                            + describe(c));
                } else if (columns.contains(c.asText())) {
                    problem(JsonPointer.compile(at).appendIndex(i), "duplicate group column '" + c.asText() + "'");
                } else {
                    columns.add(c.asText());
                }
            }
            return Optional.of(columns);
        }

        private List<List<String>> intersections(List<List<String>> combos, String at) {
            for (int i = 0; i < combos.size(); i++) {
                List<String> combo = combos.get(i);
                JsonPointer element = JsonPointer.compile(at).appendIndex(i);
                if (combo == null || combo.size() < 2 || new java.util.HashSet<>(combo).size() != combo.size()
                        || combo.stream().anyMatch(c -> c == null || !c.matches("[a-z0-9][a-z0-9_.-]*"))) {
                    problem(element, "expected two or more distinct group column names, found " + combo);
                }
            }
            return combos;
        }

        private SemanticVersion semanticVersion(String text) {
            if (text == null) {
                return null;
            }
            try {
                return SemanticVersion.parse(text);
            } catch (IllegalArgumentException e) {
                problem("/version", e.getMessage());
                return null;
            }
        }

        private Capability capability(String name) {
            return enumValue(Capability.class, name, "/capability");
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String name, String at) {
            if (name == null) {
                return null;
            }
            Optional<E> value = ExternalNames.parse(type, name);
            if (value.isEmpty()) {
                problem(at, "expected one of " + ExternalNames.all(type) + ", found '" + name + "'");
            }
            return value.orElse(null);
        }

        private String text(String value, String at, String expected) {
            if (value != null && value.isBlank()) {
                problem(at, "expected " + expected + ", found empty text");
                return null;
            }
            return required(value, at, expected);
        }

        private <T> T required(T value, String at, String expected) {
            if (value == null) {
                problem(at, "missing; expected " + expected);
            }
            return value;
        }

        private void problem(String at, String message) {
            problem(JsonPointer.compile(at), message);
        }

        private void problem(JsonPointer at, String message) {
            JsonLocation location = locations.of(at);
            problems.add(new ProtocolProblem(source, Math.max(0, location.getLineNr()),
                    Math.max(0, location.getColumnNr()), at.matches() ? null : YamlLocations.display(at), message));
        }

        private ProtocolException failure(String at, String message) {
            problem(at, message);
            return failure();
        }

        private ProtocolException failure() {
            problems.sort(Comparator.comparingInt(ProtocolProblem::line).thenComparingInt(ProtocolProblem::column));
            return new ProtocolException(problems);
        }
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == Double.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type != null && Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    /** @return how a YAML value reads in a message, such as {@code text 'abc'} or {@code the number 1.5} */
    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing (null)";
        }
        if (node.isTextual()) {
            return "text '" + node.asText() + "'";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "a mapping";
    }
}
