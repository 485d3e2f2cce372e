package org.touchstone.runner.systems.jar;

/**
 * The parent of a vendor jar's class loader: it shows the vendor the JDK and the Touchstone SPI
 * ({@code org.touchstone.api}) and nothing else of the harness's class path, so that a vendor's
 * dependencies never clash with the harness's (Jackson, Guice, ...) and a vendor cannot reach into the
 * runner. The SPI classes come from the harness's own loader, so the vendor's provider is a
 * {@link org.touchstone.api.FaceSystemProvider} the harness can call.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    private static final String API_PACKAGE = "org.touchstone.api.";

    private final ClassLoader api;

    ApiOnlyClassLoader(ClassLoader api) {
        super("touchstone-api-only", ClassLoader.getPlatformClassLoader());
        this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return api.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
