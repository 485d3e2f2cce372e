package org.touchstone.runner.systems.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * How {@code touchstone serve} listens.
 *
 * @param bind            the address to listen on; loopback unless told otherwise
 * @param port            the port, 0 for any free one
 * @param token           the bearer token every request must carry, if any
 * @param tls             the TLS context (server certificate) for HTTPS, or empty for plain HTTP
 * @param maxConcurrent   requests handled at once; more wait briefly for a slot, then get 503 with
 *                        {@code Retry-After}
 * @param maxRequestBytes largest request body accepted; larger ones get 413
 */
public record ServeSettings(InetAddress bind, int port, Optional<String> token, Optional<SSLContext> tls,
                            int maxConcurrent, long maxRequestBytes) {
    /** Default largest request: 64 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L << 20;

    /** Validates the settings. */
    public ServeSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + maxRequestBytes);
        }
        token.ifPresent(t -> {
            if (t.isBlank()) {
                throw new IllegalArgumentException("the token must not be blank");
            }
        });
    }

    /**
     * @param keyStore a PKCS#12 file holding the server's key and certificate
     * @param password its password
     * @return a TLS context serving that certificate
     * @throws IOException if the store cannot be read or used
     */
    public static SSLContext serverTls(Path keyStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** @return loopback, any free port, no token, plain HTTP, one request per core, 64 MiB */
    public static ServeSettings loopback() {
        return new ServeSettings(InetAddress.getLoopbackAddress(), 0, Optional.empty(), Optional.empty(),
                Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_REQUEST_BYTES);
    }

    /**
     * @param token a bearer token
     * @return these settings requiring it
     */
    public ServeSettings withToken(String token) {
        return new ServeSettings(bind, port, Optional.of(token), tls, maxConcurrent, maxRequestBytes);
    }

    /**
     * @param context the server's TLS context
     * @return these settings serving HTTPS
     */
    public ServeSettings withTls(SSLContext context) {
        return new ServeSettings(bind, port, token, Optional.of(context), maxConcurrent, maxRequestBytes);
    }

    /**
     * @param concurrent requests handled at once
     * @param bytes      largest request body
     * @return these settings with those bounds
     */
    public ServeSettings withBounds(int concurrent, long bytes) {
        return new ServeSettings(bind, port, token, tls, concurrent, bytes);
    }
}
