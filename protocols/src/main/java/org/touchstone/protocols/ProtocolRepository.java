package org.touchstone.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protocols a user can name: the released ones built into Touchstone, and protocol files on disk.
 * A released protocol never changes: a file that claims the {@code id@version} of a built-in protocol
 * but differs from it by a single byte is refused.
 */
public final class ProtocolRepository {
    /** The class-path folder of the built-in protocols. */
    public static final String RESOURCE_FOLDER = "touchstone/protocols/";
    /** The resource listing the built-in protocol files, one file name per line. */
    public static final String INDEX = RESOURCE_FOLDER + "index.txt";

    private static final String SOURCE = "protocol repository";
    private static final Comparator<ProtocolDefinition> ORDER =
            Comparator.comparing(ProtocolDefinition::id).thenComparing(ProtocolDefinition::version);

    private final List<ProtocolDefinition> protocols;

    ProtocolRepository(Collection<ProtocolDefinition> protocols) {
        this.protocols = protocols.stream().sorted(ORDER).toList();
        Set<String> refs = new HashSet<>();
        for (ProtocolDefinition p : this.protocols) {
            if (!refs.add(p.ref())) {
                throw new IllegalArgumentException("two protocols are named " + p.ref());
            }
        }
    }

    /**
     * The released protocols shipped with Touchstone, read from the resources listed in {@value #INDEX}.
     *
     * @return the repository
     * @throws IllegalStateException if a listed resource is missing or invalid (a packaging error)
     */
    public static ProtocolRepository builtIn() {
        List<ProtocolDefinition> protocols = builtInFileNames().stream().map(name -> {
            try {
                return ProtocolLoader.parse(RESOURCE_FOLDER + name, resource(RESOURCE_FOLDER + name), null);
            } catch (ProtocolException e) {
                throw new IllegalStateException("built-in protocol " + name + " is invalid: " + e.getMessage(), e);
            }
        }).toList();
        return new ProtocolRepository(protocols);
    }

    /** @return the file names listed in {@value #INDEX}, in order (blank lines and {@code #} comments skipped) */
    static List<String> builtInFileNames() {
        return builtInText(INDEX).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** @return the text of a class-path resource (UTF-8) */
    static String builtInText(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    /** @return the bytes of a class-path resource */
    static byte[] resource(String name) {
        try (InputStream in = ProtocolRepository.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (a packaging error)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }

    /** @return every protocol, sorted by id, then by version */
    public List<ProtocolDefinition> list() {
        return protocols;
    }

    /**
     * Finds a protocol by reference.
     *
     * @param ref {@code id@version} (such as {@code verification@1.0.0}); a bare {@code id} for its highest
     *            version; or the path of a protocol file, recognised by its {@code .yaml} or {@code .yml}
     *            extension or a path separator
     * @return the protocol
     * @throws ProtocolException if there is no such protocol (the message lists the available ones), the
     *                           file is invalid, or the file changes a released protocol
     */
    public ProtocolDefinition resolve(String ref) throws ProtocolException {
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || ref.contains("/") || ref.contains("\\")) {
            return fromFile(Path.of(ref));
        }
        int at = ref.indexOf('@');
        // Ids are lower-case; the spelling benchmarks are known by (ijbc-1toN) finds its protocol (ijbc-1ton).
        String id = (at < 0 ? ref : ref.substring(0, at)).toLowerCase(Locale.ROOT);
        List<ProtocolDefinition> versions = protocols.stream().filter(p -> p.id().equals(id)).toList();
        if (versions.isEmpty()) {
            throw notFound("no protocol '" + id + "'");
        }
        if (at < 0) {
            return versions.get(versions.size() - 1);
        }
        SemanticVersion version;
        try {
            version = SemanticVersion.parse(ref.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(new ProtocolProblem(SOURCE, 0, 0, null, "in '" + ref + "': " + e.getMessage()));
        }
        return versions.stream().filter(p -> p.version().equals(version)).findFirst()
                .orElseThrow(() -> notFound("no protocol " + id + "@" + version));
    }

    private ProtocolException notFound(String what) {
        String available = protocols.isEmpty() ? "none"
                : protocols.stream().map(ProtocolDefinition::ref).collect(Collectors.joining(", "));
        return new ProtocolException(new ProtocolProblem(SOURCE, 0, 0, null, what + "; available: " + available
                + " (or the path of a .yaml protocol file)"));
    }

    private ProtocolDefinition fromFile(Path file) throws ProtocolException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProtocolException(new ProtocolProblem(file.toString(), 0, 0, null, "no such protocol file"));
        } catch (IOException e) {
            throw new ProtocolException(new ProtocolProblem(file.toString(), 0, 0, null, "cannot read: " + e));
        }
        ProtocolDefinition loaded = ProtocolLoader.parse(file.toString(), bytes, file.toAbsolutePath().getParent());
        Optional<ProtocolDefinition> released = protocols.stream().filter(p -> p.ref().equals(loaded.ref())).findFirst();
        if (released.isPresent() && !released.get().sha256().equals(loaded.sha256())) {
            throw new ProtocolException(new ProtocolProblem(file.toString(), 0, 0, null, "claims " + loaded.ref()
                    + ", a released protocol, but differs from it (sha256 " + loaded.sha256() + ", released "
                    + released.get().sha256() + "); a released protocol never changes: give the changed"
                    + " protocol a new version or id"));
        }
        return loaded;
    }
}
