package org.touchstone.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.touchstone.api.Capability;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.Concurrency;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FaceSystem;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.api.Result;
import org.touchstone.api.ScoreRange;
import org.touchstone.api.SystemContext;
import org.touchstone.api.SystemDescriptor;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateRole;
import org.touchstone.api.Verifier;

/**
 * A verifier that does almost nothing, so that what remains of a run's time is the harness's: its template
 * is the subject part of the image id (8 bytes, the image is never decoded) and a comparison scores 1 for
 * the same subject, else 0. In-process, thread-safe.
 */
final class TrivialVerifier implements FaceSystemProvider, FaceSystem, Verifier {
    private static final SystemDescriptor DESCRIPTOR = SystemDescriptor.builder("bench-trivial")
            .vendor("Touchstone benchmarks").name("Trivial verifier").version("1")
            .capabilities(Capability.VERIFICATION).scoreRange(new ScoreRange(0, 1))
            .concurrency(Concurrency.THREAD_SAFE).build();

    @Override
    public SystemDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FaceSystem open(SystemContext context) {
        return this;
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(this);
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        String id = images.get(0).id();
        String subject = id.substring(0, Math.max(0, id.lastIndexOf('-')));
        return Result.success(Template.of(ByteBuffer.allocate(8).putLong(subject.hashCode()).array()));
    }

    @Override
    public ComparisonResult compare(Template enrolment, Template probe) {
        return ComparisonResult.score(enrolment.buffer().getLong(0) == probe.buffer().getLong(0) ? 1 : 0);
    }

    @Override
    public List<ComparisonResult> compareMany(Template probe, List<Template> enrolments) {
        long p = probe.buffer().getLong(0);
        List<ComparisonResult> results = new ArrayList<>(enrolments.size());
        for (Template e : enrolments) {
            results.add(ComparisonResult.score(e.buffer().getLong(0) == p ? 1 : 0));
        }
        return results;
    }

    @Override
    public void close() {
    }
}
