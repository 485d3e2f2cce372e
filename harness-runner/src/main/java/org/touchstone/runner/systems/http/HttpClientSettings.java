package org.touchstone.runner.systems.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the harness talks to an HTTP system: the bearer token, which certificates it trusts, and how
 * hard it tries. {@link #fromEnvironment()} reads them from the environment, so that secrets never
 * appear on a command line or in a run's provenance.
 *
 * @param token          the bearer token sent with every request, if any
 * @param tls            the TLS context for {@code https://} (trusted certificates), or empty for the JDK's
 * @param connectTimeout how long to wait for a connection
 * @param maxRetries     how many times an idempotent call is retried after a connection failure or a
 *                       busy (503) reply
 */
public record HttpClientSettings(Optional<String> token, Optional<SSLContext> tls, Duration connectTimeout,
                                 int maxRetries) {
    /** Bearer token: {@code TOUCHSTONE_TOKEN}. */
    public static final String TOKEN_VARIABLE = "TOUCHSTONE_TOKEN";
    /** A PKCS#12 trust store of certificates to trust: {@code TOUCHSTONE_TRUSTSTORE}. */
    public static final String TRUSTSTORE_VARIABLE = "TOUCHSTONE_TRUSTSTORE";
    /** Its password: {@code TOUCHSTONE_TRUSTSTORE_PASSWORD}. */
    public static final String TRUSTSTORE_PASSWORD_VARIABLE = "TOUCHSTONE_TRUSTSTORE_PASSWORD";

    /** @return no token, the JDK's trusted certificates, 10 s to connect, 3 retries */
    public static HttpClientSettings defaults() {
        return new HttpClientSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 3);
    }

    /**
     * @return settings from {@value #TOKEN_VARIABLE}, {@value #TRUSTSTORE_VARIABLE} and
     *         {@value #TRUSTSTORE_PASSWORD_VARIABLE}
     * @throws IOException if the trust store cannot be read
     */
    public static HttpClientSettings fromEnvironment() throws IOException {
        HttpClientSettings settings = defaults();
        String token = System.getenv(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            settings = settings.withToken(token.strip());
        }
        String store = System.getenv(TRUSTSTORE_VARIABLE);
        if (store != null && !store.isBlank()) {
            String password = System.getenv(TRUSTSTORE_PASSWORD_VARIABLE);
            settings = settings.withTls(trusting(Path.of(store), password == null ? new char[0] : password.toCharArray()));
        }
        return settings;
    }

    /**
     * @param token a bearer token
     * @return these settings with it
     */
    public HttpClientSettings withToken(String token) {
        return new HttpClientSettings(Optional.of(token), tls, connectTimeout, maxRetries);
    }

    /**
     * @param context a TLS context
     * @return these settings with it
     */
    public HttpClientSettings withTls(SSLContext context) {
        return new HttpClientSettings(token, Optional.of(context), connectTimeout, maxRetries);
    }

    /**
     * @param trustStore a PKCS#12 file of certificates to trust
     * @param password   its password
     * @return a TLS context trusting exactly those certificates
     * @throws IOException if the store cannot be read
     */
    public static SSLContext trusting(Path trustStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
