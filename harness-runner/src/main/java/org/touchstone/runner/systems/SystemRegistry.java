package org.touchstone.runner.systems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.touchstone.api.ApiVersion;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.SystemDescriptor;

/**
 * The systems found on the class path through {@link ServiceLoader}, by id. A provider that cannot be
 * instantiated or described, that declares an incompatible SPI major version, or whose id is taken, is
 * not offered; the reason is kept in {@link #problems()} so that {@code touchstone systems} can show it.
 */
public final class SystemRegistry {
    private final Map<String, FaceSystemProvider> providers = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param classLoader where to look for providers */
    public SystemRegistry(ClassLoader classLoader) {
        ServiceLoader<FaceSystemProvider> loader = ServiceLoader.load(FaceSystemProvider.class, classLoader);
        for (ServiceLoader.Provider<FaceSystemProvider> candidate : loader.stream().toList()) {
            String type = candidate.type().getName();
            FaceSystemProvider provider;
            SystemDescriptor descriptor;
            try {
                provider = candidate.get();
                descriptor = provider.descriptor();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(type + ": could not be loaded or described: " + e);
                continue;
            }
            if (descriptor == null) {
                problems.add(type + ": descriptor() returned null");
                continue;
            }
            String incompatibility = apiIncompatibility(descriptor.apiVersion());
            if (incompatibility != null) {
                problems.add(descriptor.id() + " (" + type + "): " + incompatibility);
                continue;
            }
            FaceSystemProvider previous = providers.putIfAbsent(descriptor.id(), provider);
            if (previous != null) {
                problems.add(descriptor.id() + " (" + type + "): id already taken by "
                        + previous.getClass().getName());
            }
        }
    }

    private static String apiIncompatibility(String apiVersion) {
        String major = apiVersion.split("\\.", 2)[0];
        if (!major.equals(Integer.toString(ApiVersion.MAJOR))) {
            return "built against SPI " + apiVersion + ", this harness runs SPI " + ApiVersion.VERSION;
        }
        return null;
    }

    /** @return the usable providers, sorted by id */
    public List<FaceSystemProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** @return why some providers on the class path are not offered */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /**
     * @param id a system id
     * @return its provider
     * @throws UnknownSystemException naming the ids that are available
     */
    public FaceSystemProvider require(String id) throws UnknownSystemException {
        FaceSystemProvider provider = providers.get(id);
        if (provider == null) {
            throw new UnknownSystemException("no system with id '" + id + "'; available: "
                    + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet()))
                    + " (see 'touchstone systems')");
        }
        return provider;
    }
}
