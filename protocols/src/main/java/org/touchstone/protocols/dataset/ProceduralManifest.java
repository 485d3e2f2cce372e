package org.touchstone.protocols.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.touchstone.protocols.support.NumberedCsv;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.protocols.synthetic.SyntheticFaceRenderer;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.runformat.io.AtomicFiles;

/**
 * The procedural variant of the manifest (see {@code docs/dataset-manifest.md}): instead of one row per
 * image file, the generator, its version and its spec, from which every image is rendered when it is
 * read; plus the SHA-256 of a few images, so that a JDK that would render the dataset differently is
 * caught when the manifest is loaded rather than trusted silently:
 *
 * <pre>
 * # touchstone-manifest 1
 * # procedural: touchstone-synthetic 1
 * # spec: synthetic:subjects=1002000,images=3,seed=1000003,size=96,difficulty=...
 * # check: S0000001-01 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * </pre>
 *
 * No header row and no samples follow: the samples are those of the spec, with the ids, paths and labels
 * the written dataset would have. The manifest's SHA-256 pins generator version, spec and checks, hence
 * the dataset.
 */
public final class ProceduralManifest {
    /** The comment, second after the format line, that makes a manifest procedural; then generator and version. */
    public static final String PROCEDURAL = "procedural:";
    /** The comment holding the generator's spec. */
    public static final String SPEC = "spec:";
    /** A comment holding a sample id and the SHA-256 of its rendered image. */
    public static final String CHECK = "check:";
    /** How many images the writer records hashes of: the first, the last, two in between. */
    static final int CHECKS = 4;

    private ProceduralManifest() {
    }

    /**
     * Writes the procedural manifest of a synthetic spec, rendering the images it records hashes of. The
     * file is written under a temporary name and moved into place.
     *
     * @param manifest where to write
     * @param spec     the dataset
     * @throws IOException if the file cannot be written
     */
    public static void write(Path manifest, SyntheticSpec spec) throws IOException {
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        StringBuilder text = new StringBuilder(ManifestWriter.FORMAT_LINE).append('\n');
        text.append("# ").append(PROCEDURAL).append(' ').append(SyntheticFaceRenderer.GENERATOR_NAME).append(' ')
                .append(SyntheticFaceRenderer.GENERATOR_VERSION).append('\n');
        text.append("# ").append(SPEC).append(' ').append(spec.canonical()).append('\n');
        for (int index : checkedSamples(spec)) {
            int subject = index / spec.imagesPerSubject();
            int image = index % spec.imagesPerSubject();
            text.append("# ").append(CHECK).append(' ').append(spec.sampleId(subject, image)).append(' ')
                    .append(Sha256.hex(renderer.renderPng(subject, image))).append('\n');
        }
        AtomicFiles.write(manifest, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the flat indexes of the samples whose hashes a manifest records, ascending, distinct */
    private static List<Integer> checkedSamples(SyntheticSpec spec) {
        TreeSet<Integer> indexes = new TreeSet<>();
        long last = spec.imageCount() - 1L;
        for (int k = 0; k < CHECKS; k++) {
            indexes.add((int) (last * k / (CHECKS - 1)));
        }
        return List.copyOf(indexes);
    }

    /** @return whether the comments (the format line first) are those of a procedural manifest */
    static boolean isProcedural(List<NumberedCsv.Comment> comments) {
        return comments.size() > 1 && comments.get(1).text().strip().startsWith(PROCEDURAL);
    }

    /**
     * Validates a procedural manifest.
     *
     * @param file     the manifest
     * @param sha256   its hash
     * @param csv      its text
     * @param check    whether to render the checked images and compare their hashes
     * @param problems where problems go, each at its line
     * @return the manifest, or null when a problem was found
     */
    static DatasetManifest load(Path file, String sha256, NumberedCsv csv, HashCheck check,
                                List<ManifestProblem> problems) {
        int before = problems.size();
        List<NumberedCsv.Comment> comments = csv.comments();
        NumberedCsv.Comment generator = comments.get(1);
        String expected = SyntheticFaceRenderer.GENERATOR_NAME + " " + SyntheticFaceRenderer.GENERATOR_VERSION;
        String named = value(generator, PROCEDURAL);
        if (!named.startsWith(SyntheticFaceRenderer.GENERATOR_NAME + " ")) {
            problems.add(new ManifestProblem(file, generator.line(), null, "unknown generator '" + named
                    + "': this version of Touchstone renders '" + expected + "'"));
        } else if (!named.equals(expected)) {
            problems.add(new ManifestProblem(file, generator.line(), null, "made for generator '" + named
                    + "', but this version of Touchstone renders '" + expected + "', whose images differ; write the"
                    + " manifest again (touchstone dataset generate --procedural) to use the current generator"));
        }
        SyntheticSpec spec = null;
        List<NumberedCsv.Comment> checks = new ArrayList<>();
        for (NumberedCsv.Comment c : comments.subList(2, comments.size())) {
            String text = c.text().strip();
            if (text.startsWith(SPEC)) {
                if (spec != null) {
                    problems.add(new ManifestProblem(file, c.line(), null, "a second '" + SPEC + "' line"));
                    continue;
                }
                try {
                    spec = SyntheticSpec.parse(value(c, SPEC));
                } catch (IllegalArgumentException e) {
                    problems.add(new ManifestProblem(file, c.line(), null, e.getMessage()));
                }
            } else if (text.startsWith(CHECK)) {
                checks.add(c);
            }
        }
        if (spec == null && problems.size() == before) {
            problems.add(new ManifestProblem(file, generator.line(), null, "a procedural manifest needs a '# " + SPEC
                    + " synthetic:...' line naming what to render"));
        }
        if (!csv.rows().isEmpty()) {
            problems.add(new ManifestProblem(file, csv.rows().get(0).line(), null, "a procedural manifest has no"
                    + " header row and no samples: its samples are those of its spec"));
        }
        if (spec != null) {
            checkImages(file, spec, checks, check, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> free = comments.stream().skip(1).map(NumberedCsv.Comment::text)
                .map(t -> t.startsWith(" ") ? t.substring(1) : t).toList();
        return DatasetManifest.procedural(file, sha256, free, spec);
    }

    private static void checkImages(Path file, SyntheticSpec spec, List<NumberedCsv.Comment> checks, HashCheck check,
                                    List<ManifestProblem> problems) {
        SyntheticFaceRenderer renderer = new SyntheticFaceRenderer(spec);
        for (NumberedCsv.Comment c : checks) {
            String[] parts = value(c, CHECK).split(" +");
            int index = parts.length == 2 ? spec.sampleIndexOf(parts[0]) : -1;
            if (parts.length != 2 || !Sha256.isHexDigest(parts[1])) {
                problems.add(new ManifestProblem(file, c.line(), null, "expected '" + CHECK
                        + " SAMPLE_ID SHA256' (64 lower-case hex digits), found '" + c.text().strip() + "'"));
            } else if (index < 0) {
                problems.add(new ManifestProblem(file, c.line(), null, "'" + parts[0] + "' is not a sample of " + spec));
            } else if (check == HashCheck.VERIFY) {
                String actual = Sha256.hex(renderer.renderPng(index / spec.imagesPerSubject(),
                        index % spec.imagesPerSubject()));
                if (!actual.equals(parts[1])) {
                    problems.add(new ManifestProblem(file, c.line(), "sha256", "SHA-256 mismatch for " + parts[0]
                            + ": the manifest says " + parts[1] + " but this JDK renders it as " + actual
                            + "; the generator's images depend on Java2D and zlib, so this JDK would test another"
                            + " dataset"));
                }
            }
        }
    }

    private static String value(NumberedCsv.Comment comment, String key) {
        return comment.text().strip().substring(key.length()).strip();
    }
}
