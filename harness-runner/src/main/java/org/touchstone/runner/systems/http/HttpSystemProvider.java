package org.touchstone.runner.systems.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.FailureCode;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.SystemArtifact;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.remote.EndpointFaceSystem;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.HttpApi;

/**
 * A system behind an HTTP service speaking the Touchstone HTTP API ({@code --system https://...}): a
 * vendor's service, or any system exposed by {@code touchstone serve}. The service's code cannot be
 * hashed from here, so the provenance records its URL and the hash of the descriptor it announced.
 */
public final class HttpSystemProvider implements FaceSystemProvider, SystemArtifact.Source {
    private final HttpTransport transport;
    private final CallLimits limits;
    private final SystemDescriptor descriptor;

    /** System property that caps the API version the client uses ({@code 1}: never template references). */
    public static final String PROTOCOL_PROPERTY = "touchstone.http.protocol";

    private HttpSystemProvider(HttpTransport transport, CallLimits limits, SystemDescriptor descriptor) {
        this.transport = transport;
        this.limits = limits;
        this.descriptor = descriptor;
    }

    /**
     * Asks the service for its descriptor.
     *
     * @param base     the service's base URL (the API's paths start with {@code /v1} below it)
     * @param settings token, TLS and retries
     * @param limits   deadlines
     * @return the provider
     * @throws FaceSystemException if the service cannot be reached or its descriptor is invalid
     */
    public static HttpSystemProvider connect(URI base, HttpClientSettings settings, CallLimits limits)
            throws FaceSystemException {
        HttpTransport transport = new HttpTransport(base, settings);
        try {
            ObjectNode reply = system(transport, limits);
            return new HttpSystemProvider(transport, limits, WireJson.parseDescriptor(reply.get("descriptor")));
        } catch (MalformedMessageException e) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, "the service at " + base
                    + " announced an invalid descriptor: " + e.getMessage(), e);
        }
    }

    private static ObjectNode system(HttpTransport transport, CallLimits limits) throws FaceSystemException {
        try {
            ObjectNode reply = transport.exchange("GET", HttpApi.SYSTEM, null, limits.of(CallLimits.Operation.STARTUP),
                    true);
            if (reply.path("protocol").asInt(-1) != HttpApi.BASE_VERSION) {
                throw new FaceSystemException(FailureCode.INVALID_OUTPUT, "the service at "
                        + transport.base() + " does not speak version 1 of the HTTP API: " + reply.get("protocol"));
            }
            return reply;
        } catch (SystemFault e) {
            throw new FaceSystemException(e.code(), "the service at " + transport.base() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public SystemDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public SystemArtifact artifact() {
        return new SystemArtifact(transport.base().toString(),
                Sha256.hex(WireJson.bytes(WireJson.descriptor(descriptor))));
    }

    /** Asks the service for its runtime properties again; the service is already running. */
    @Override
    public FaceSystem open(SystemContext context) throws FaceSystemException {
        ObjectNode reply = system(transport, limits);
        Map<String, String> properties;
        try {
            properties = WireJson.stringMap(reply.get("runtime_properties"), "runtime_properties");
        } catch (MalformedMessageException e) {
            throw new FaceSystemException(FailureCode.INVALID_OUTPUT, e.getMessage(), e);
        }
        boolean templateRefs = false;
        for (JsonNode version : reply.path("protocols")) {
            templateRefs |= version.asInt(-1) == HttpApi.TEMPLATE_REFS_VERSION;
        }
        // -Dtouchstone.http.protocol=1 keeps to version 1 whatever the service speaks: for measuring what
        // references save, and as a way round a service whose references misbehave.
        templateRefs &= !String.valueOf(HttpApi.BASE_VERSION).equals(System.getProperty(PROTOCOL_PROPERTY));
        return new EndpointFaceSystem(descriptor, new HttpEndpoint(transport, limits, descriptor, properties,
                templateRefs));
    }

    @Override
    public String toString() {
        return "http system " + descriptor.id() + " at " + transport.base();
    }
}
