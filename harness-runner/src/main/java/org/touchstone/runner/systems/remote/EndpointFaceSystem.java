package org.touchstone.runner.systems.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchstone.api.AttributeAnalyzer;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * The SPI's {@link FaceSystem} on top of a {@link SystemEndpoint}: it offers exactly the capabilities the
 * remote system's descriptor declares, and forwards every call. The runner's stages and guards use it
 * like any in-process system.
 */
public final class EndpointFaceSystem implements FaceSystem {
    private final SystemEndpoint endpoint;
    private final Verifier verifier;
    private final Identifier identifier;
    private final AttributeAnalyzer analyzer;

    /**
     * @param descriptor the remote system's descriptor
     * @param endpoint   its operations
     */
    public EndpointFaceSystem(SystemDescriptor descriptor, SystemEndpoint endpoint) {
        this.endpoint = endpoint;
        this.verifier = descriptor.offers(Capability.VERIFICATION) ? new RemoteVerifier() : null;
        this.identifier = descriptor.offers(Capability.IDENTIFICATION) ? new RemoteIdentifier() : null;
        this.analyzer = descriptor.offers(Capability.ANALYSIS) ? endpoint::analyze : null;
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    @Override
    public Optional<Identifier> identifier() {
        return Optional.ofNullable(identifier);
    }

    @Override
    public Optional<AttributeAnalyzer> analyzer() {
        return Optional.ofNullable(analyzer);
    }

    @Override
    public Map<String, String> runtimeProperties() {
        return endpoint.runtimeProperties();
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private final class RemoteVerifier implements Verifier {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return endpoint.createTemplate(images, role);
        }

        @Override
        public ComparisonResult compare(Template enrolment, Template probe) {
            return endpoint.compareMany(probe, List.of(enrolment)).get(0);
        }

        @Override
        public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
            return endpoint.compareMany(probe, enrolments);
        }
    }

    private final class RemoteIdentifier implements Identifier {
        @Override
        public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
            return endpoint.createTemplate(images, role);
        }

        @Override
        public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
            return endpoint.finalizeEnrolment(entries, workingDirectory);
        }
    }
}
