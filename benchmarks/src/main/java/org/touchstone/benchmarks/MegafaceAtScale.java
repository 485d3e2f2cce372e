package org.touchstone.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.Candidate;
import org.touchstone.api.Capability;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.protocols.dataset.HashCheck;
import org.touchstone.protocols.dataset.ManifestLoader;
import org.touchstone.protocols.dataset.ManifestWriter;
import org.touchstone.protocols.dataset.Sample;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.engine.ProtocolRunner;
import org.touchstone.runner.engine.prepare.RunRequest;
import org.touchstone.runner.engine.progress.Progress;

/**
 * megaface-c1@1.0.0 on a generated FaceScrub-shaped probe set against up to a million procedural distractors,
 * to measure the whole run (templates, six distractor galleries searched exactly, the identities' galleries, the
 * report) and its peak heap. Not JMH: one run of minutes is the unit.
 *
 * <p>The dataset is a stored manifest whose rows all name one 48-pixel image file (rendering a million synthetic
 * faces would measure the renderer): {@code identities} FaceScrub identities of {@code images} images each, all
 * listed as probes, and {@code distractors} subjects of one image each, listed in the distractor lists
 * {@code megaface-distractors-<N>} (the first N, so nested, for every N of 10 .. 1,000,000 up to
 * {@code distractors}). The lists are the dataset's protocol lists, declared in its manifest as an import
 * declares them. The system is cheap: a template
 * is the subject and image numbers read from the sample id, a search scores every enrolled template by a hash of
 * the two image numbers (same subject in [0.4, 1), else [0, 0.75)) and keeps the best K, so the time left is the
 * harness's and the rendering's. Prints each stage's time and the peak heap next to {@code -Xmx}.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.touchstone.benchmarks.MegafaceAtScale [identities] [images] [distractors] [threads]
 * </pre>
 */
public final class MegafaceAtScale {
    private static final List<Integer> SIZES = List.of(10, 100, 1_000, 10_000, 100_000, 1_000_000);

    private MegafaceAtScale() {
    }

    /**
     * @param args FaceScrub identities (default 80), images each (default 44: about the challenge's 3,530 images),
     *             distractors (default 1,000,000), threads (default 2)
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        int identities = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 44;
        int distractors = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path work = Files.createTempDirectory("touchstone-megaface-scale-");
        long t0 = System.nanoTime();
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("lists"));
        // One small face shared by every row: the system never decodes it, so reading it is the harness's cost.
        java.awt.image.BufferedImage face = new java.awt.image.BufferedImage(48, 48,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        Path faceFile = data.resolve("face.png");
        javax.imageio.ImageIO.write(face, "png", faceFile.toFile());
        String faceHash = Sha256.hex(faceFile);
        List<Sample> samples = new ArrayList<>(identities * images + distractors);
        Path probes = data.resolve("lists/megaface-facescrub.csv");
        try (BufferedWriter out = Files.newBufferedWriter(probes, StandardCharsets.UTF_8)) {
            out.write("sample_id,identity\n");
            for (int s = 0; s < identities; s++) {
                for (int i = 0; i < images; i++) {
                    String id = sampleId(s, i);
                    samples.add(new Sample(id, "S" + s, "face.png", faceHash, Map.of(), Map.of()));
                    out.write(id + ",S" + s + "\n");
                }
            }
        }
        for (int d = 0; d < distractors; d++) {
            samples.add(new Sample(sampleId(identities + d, 0), "S" + (identities + d), "face.png", faceHash, Map.of(),
                    Map.of()));
        }
        List<String> declared = new ArrayList<>();
        declared.add(declaration("megaface-facescrub", probes));
        for (int size : SIZES) {
            if (size > distractors) {
                break;
            }
            Path list = data.resolve("lists/megaface-distractors-" + size + ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
                out.write("sample_id\n");
                for (int d = 0; d < size; d++) {
                    out.write(sampleId(identities + d, 0) + "\n");
                }
            }
            declared.add(declaration("megaface-distractors-" + size, list));
        }
        Path manifest = data.resolve("manifest.csv");
        ManifestWriter.write(manifest, declared, samples);
        samples = null;
        long t1 = System.nanoTime();
        var dataset = ManifestLoader.load(manifest, HashCheck.EXISTENCE_ONLY);
        var protocol = ProtocolRepository.builtIn().resolve("megaface-c1@1.0.0");
        HeapPeak.reset();
        long t2 = System.nanoTime();
        new ProtocolRunner(Progress.silent()).run(new RunRequest("scale", protocol, dataset, "megaface-shaped",
                new HashedScores(), Optional.empty(), work.resolve("run"), threads));
        long t3 = System.nanoTime();
        long peak = HeapPeak.bytes();
        JsonNode run = new ObjectMapper().readTree(work.resolve("run/run.json").toFile());
        JsonNode metrics = new ObjectMapper().readTree(work.resolve("run/metrics.json").toFile());
        System.out.printf(Locale.ROOT, "dataset: %,d identities x %,d images, %,d distractors; lists written in %.1f s%n",
                identities, images, distractors, (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "run %.1f s; stages: %s%n", (t3 - t2) / 1e9, run.path("stages"));
        for (JsonNode gallery : metrics.path("galleries")) {
            System.out.printf(Locale.ROOT, "%,9d distractors: rank-1 %s, TAR@FAR 1e-6 %s (%s)%n",
                    gallery.path("distractor_subjects").asLong(), gallery.path("cmc").get(0).path("identification_rate"),
                    gallery.path("tar_operating_points").get(0).path("tar"),
                    gallery.path("tar_operating_points").get(0).path("threshold_origin").asText());
        }
        System.out.printf(Locale.ROOT, "peak heap %,.0f MB (sum of pool peaks) of -Xmx %,.0f MB%n", peak / 1e6,
                HeapPeak.limit() / 1e6);
        System.out.println("work folder (delete when done): " + work);
    }

    private static String declaration(String name, Path list) throws java.io.IOException {
        return "protocol-list: " + name + " lists/" + list.getFileName() + " sha256=" + Sha256.hex(list);
    }

    /** Subject s (0-based), image i: {@code S<s>-<i>}, which the system reads back. */
    private static String sampleId(int s, int i) {
        return "S" + s + "-" + i;
    }

    /** Subject and image numbers from a synthetic sample id such as {@code S0000001-01}; scores by their hash. */
    private static final class HashedScores implements FaceSystemProvider, FaceSystem, Identifier {
        @Override
        public SystemDescriptor descriptor() {
            return SystemDescriptor.builder("bench-megaface-hash").vendor("Touchstone benchmarks").name("Hashed scores")
                    .version("1").capabilities(Capability.IDENTIFICATION).scoreRange(new ScoreRange(0, 1))
                    .concurrency(Concurrency.THREAD_SAFE).build();
        }

        @Override
        public FaceSystem open(SystemContext context) {
            return this;
        }

        @Override
        public Optional<Identifier> identifier() {
            return Optional.of(this);
        }

        @Override
        public Result<Template> createTemplate(List<FaceImage> faces, TemplateRole role) {
            String id = faces.get(0).id();
            int dash = id.indexOf('-');
            int subject = Integer.parseInt(id.substring(1, dash));
            int image = subject * 128 + Integer.parseInt(id.substring(dash + 1));   // unique below 2^31 for 16M subjects
            return Result.success(Template.of(ByteBuffer.allocate(8).putInt(subject).putInt(image).array()));
        }

        @Override
        public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
            List<String> ids = new ArrayList<>();
            IntList subjects = new IntList();
            IntList images = new IntList();
            for (GalleryEntry e : entries) {
                ByteBuffer b = e.template().buffer();
                ids.add(e.templateId());
                subjects.add(b.getInt(0));
                images.add(b.getInt(4));
            }
            int[] s = subjects.toArray();
            int[] im = images.toArray();
            return Result.success(new Gallery() {
                @Override
                public Result<List<Candidate>> search(Template probe, int k) {
                    ByteBuffer p = probe.buffer();
                    int ps = p.getInt(0);
                    int pi = p.getInt(4);
                    int n = Math.min(k, s.length);
                    double[] best = new double[n];
                    int[] at = new int[n];
                    int size = 0;
                    for (int j = 0; j < s.length; j++) {
                        double score = score(s[j] == ps, im[j], pi);
                        if (size < n || score > best[size - 1]) {
                            int pos = size < n ? size++ : size - 1;
                            while (pos > 0 && best[pos - 1] < score) {
                                best[pos] = best[pos - 1];
                                at[pos] = at[pos - 1];
                                pos--;
                            }
                            best[pos] = score;
                            at[pos] = j;
                        }
                    }
                    List<Candidate> out = new ArrayList<>(size);
                    for (int c = 0; c < size; c++) {
                        out.add(new Candidate(ids.get(at[c]), best[c]));
                    }
                    return Result.success(out);
                }

                @Override
                public int size() {
                    return s.length;
                }
            });
        }

        private static double score(boolean sameSubject, int enrolled, int probe) {
            long mixed = (enrolled * 0x9E3779B97F4A7C15L) ^ (probe * 0xC2B2AE3D27D4EB4FL);
            double u = ((mixed ^ (mixed >>> 29)) * 0xBF58476D1CE4E5B9L >>> 11) / (double) (1L << 53);
            return sameSubject ? 0.4 + 0.6 * u : 0.75 * u;
        }
    }

    /** A growable int array, so that a million-entry gallery holds no boxed integers. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
