package org.touchstone.runner.systems.jar;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.runner.systems.SystemRegistry;
import org.touchstone.runner.systems.UnknownSystemException;

/**
 * Loads a vendor's system from a jar ({@code --system jar:PATH[!id]}) in a class loader of its own that
 * sees only the JDK and the SPI. PATH is a jar, or a folder whose jars (the system and its dependencies)
 * all go on that loader's class path. The id is needed only when the jar holds several systems.
 */
public final class JarSystems {
    private JarSystems() {
    }

    /**
     * @param path a jar or a folder of jars
     * @param id   which system, if the jar holds several
     * @return the system's provider, loaded in its own class loader
     * @throws IOException            if the path cannot be read
     * @throws UnknownSystemException if it holds no usable system, several without an id, or not that id
     */
    public static FaceSystemProvider load(Path path, Optional<String> id) throws IOException, UnknownSystemException {
        List<URL> urls = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(url(jar));
                }
            }
        } else if (Files.isRegularFile(path)) {
            urls.add(url(path));
        } else {
            throw new UnknownSystemException("jar:" + path + ": no such jar or folder");
        }
        if (urls.isEmpty()) {
            throw new UnknownSystemException("jar:" + path + ": the folder holds no jars");
        }
        ClassLoader loader = new URLClassLoader("touchstone-vendor:" + path.getFileName(), urls.toArray(URL[]::new),
                new ApiOnlyClassLoader(FaceSystemProvider.class.getClassLoader()));
        SystemRegistry found = new SystemRegistry(loader);
        List<FaceSystemProvider> providers = found.providers();
        String problems = found.problems().isEmpty() ? "" : "; not offered: " + String.join("; ", found.problems());
        if (id.isPresent()) {
            try {
                return found.require(id.get());
            } catch (UnknownSystemException e) {
                throw new UnknownSystemException("jar:" + path + " holds no system '" + id.get() + "'; it holds "
                        + ids(providers) + problems);
            }
        }
        if (providers.size() != 1) {
            throw new UnknownSystemException("jar:" + path + " holds " + (providers.isEmpty() ? "no usable system"
                    : "several systems " + ids(providers) + "; name one as jar:" + path + "!ID") + problems);
        }
        return providers.get(0);
    }

    private static List<String> ids(List<FaceSystemProvider> providers) {
        return providers.stream().map(p -> p.descriptor().id()).toList();
    }

    private static URL url(Path jar) throws MalformedURLException {
        return jar.toAbsolutePath().toUri().toURL();
    }
}
