package org.touchstone.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The model files this module's build fits into its own classes (model weights are built, never committed),
 * and how each is written: skipped when a stamp file says the file there was fitted by the same code and JVM,
 * otherwise fitted, the stamp written first and the file moved into place whole.
 *
 * <p>{@link #main} is what the build runs ({@code process-classes}): every model, in one JVM. Each trainer's
 * own {@code main} writes its model alone ({@link #main(Model, String[])}).
 */
public final class FittedResources {
    /** Every model the build fits; a change here needs a digest recorded in that model's trainer test. */
    static final List<Model> MODELS = List.of(LbpProjectionTrainer.MODEL, AttributeModelTrainer.MODEL);

    /**
     * The resource paths (no leading '/') of the fitted files. They are never inputs of a fit, wherever they
     * sit (here, or a stale copy in reference-algorithms' classes), so fitting one does not make another's
     * stamp stale.
     */
    private static final List<String> FITTED = MODELS.stream().map(m -> m.resource().substring(1)).toList();

    private FittedResources() {
    }

    /**
     * A model the build fits.
     *
     * @param name     what the messages call it
     * @param resource its resource path, as its loader reads it (leading '/')
     * @param code     classes whose jars or class folders hold all the code the fit runs, the trainer first
     * @param fit      fits it
     */
    record Model(String name, String resource, List<Class<?>> code, Supplier<Fitted> fit) {
        /** @return the stamp file's name: the resource's, with {@code .inputs} for its extension */
        String stampName() {
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            return (dot > 0 ? file.substring(0, dot) : file) + ".inputs";
        }
    }

    /**
     * A fitted model's file.
     *
     * @param bytes    its content
     * @param comments what it says about how it was fitted, printed after a fit
     */
    record Fitted(byte[] bytes, List<String> comments) {
    }

    /**
     * Fits every model the build bundles into a class folder, each unless its stamp says it is up to date.
     *
     * @param args {@code CLASSES_DIR STAMP_DIR}: the models go under their resource paths in the first, their
     *             stamps ({@code NAME.inputs}) in the second
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FittedResources CLASSES_DIR STAMP_DIR");
            System.exit(2);
        }
        Path classes = Path.of(args[0]).toAbsolutePath();
        Path stamps = Path.of(args[1]).toAbsolutePath();
        for (Model model : MODELS) {
            update(model, classes.resolve(model.resource().substring(1)), Optional.of(stamps.resolve(model.stampName())));
        }
    }

    /**
     * A trainer's own {@code main}: writes its model to a file.
     *
     * @param model the trainer's model
     * @param args  {@code OUTPUT_FILE [STAMP_FILE]}: with a stamp file, the fit is skipped when the output exists
     *              and the stamp holds the digest of the code that fits it and of the JVM; after a fit the stamp
     *              is written
     * @throws IOException if a file cannot be read or written
     */
    static void main(Model model, String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: " + model.code().get(0).getSimpleName() + " OUTPUT_FILE [STAMP_FILE]");
            System.exit(2);
        }
        update(model, Path.of(args[0]).toAbsolutePath(),
                args.length == 2 ? Optional.of(Path.of(args[1]).toAbsolutePath()) : Optional.empty());
    }

    private static void update(Model model, Path output, Optional<Path> stamp) throws IOException {
        String inputs = stamp.isPresent() ? inputsDigest(model.code()) : "";
        if (stamp.isPresent() && Files.isRegularFile(output) && Files.isRegularFile(stamp.get())
                && Files.readString(stamp.get(), StandardCharsets.UTF_8).equals(inputs)) {
            System.out.println(model.name() + " up to date: " + output);
            return;
        }
        long start = System.nanoTime();
        Fitted fitted = model.fit().get();
        Files.createDirectories(output.getParent());
        // The stamp goes first, so a fit interrupted after it leaves no output and the next build fits again.
        if (stamp.isPresent()) {
            Files.deleteIfExists(output);
            Files.createDirectories(stamp.get().getParent());
            Files.writeString(stamp.get(), inputs, StandardCharsets.UTF_8);
        }
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        Files.write(partial, fitted.bytes());
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        fitted.comments().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%s fitted in %.1f s: %s%n", model.name(), (System.nanoTime() - start) / 1e9,
                output);
    }

    /**
     * What a fit depends on: the bytes of the jars or class folders holding the given classes, and the JVM's
     * version (its PNG codec and Java2D draw the training faces). Conservative: any change to those modules
     * refits. The fitted files themselves are left out.
     */
    private static String inputsDigest(List<Class<?>> code) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
        digest.update((Runtime.version() + " " + System.getProperty("java.vendor") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Class<?> type : code) {
            Path location;
            try {
                location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return "unknown location of " + type.getName() + ": always refit";
            }
            if (Files.isRegularFile(location)) {
                // A jar (a reactor build that packaged the module) counts as its entries, as a class folder does.
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    digestTree(digest, jar.getPath("/"));
                }
            } else {
                digestTree(digest, location);
            }
        }
        return HexFormat.of().formatHex(digest.digest()) + "\n";
    }

    /**
     * Every file under root by its path and bytes, in path order, but the fitted files, partly written ones and
     * what the jar tool adds.
     */
    private static void digestTree(MessageDigest digest, Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!FITTED.contains(name) && !name.endsWith(".partial") && !name.equals("META-INF/MANIFEST.MF")
                        && !name.startsWith("META-INF/maven/")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        for (String name : names) {
            digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(root.resolve(name)));
        }
    }
}
