package org.touchstone.runner.systems.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.touchstone.api.Candidate;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.CallLimits;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.WorkerProtocol;
import org.touchstone.runner.systems.wire.Frame;

/**
 * A 1:N gallery of a subprocess system. A gallery lives in a worker's memory, but searches may come
 * from any thread through any worker, and a worker that crashed loses what it held. So the harness keeps
 * the gallery's recipe (its entries, spooled to a file, and the insertions and removals made since) and
 * builds a replica in each worker the first time that worker needs it, again after a restart. The first
 * build's answer is the gallery's; a replica that cannot be built from the same entries means the system
 * is not deterministic and is recorded as {@code INVALID_OUTPUT}.
 */
final class ProcessGallery implements Gallery {
    private static final int MAX_ENTRIES_PER_FRAME = 1024;
    private static final long MAX_BYTES_PER_FRAME = 32L << 20;

    private final ProcessEndpoint endpoint;
    private final Path folder;
    private final Path spool;
    private final Map<Integer, Replica> replicas = new ConcurrentHashMap<>();
    private final List<Mutation> mutations = new ArrayList<>();
    private volatile int size;

    /** A copy of the gallery inside one worker generation. */
    private record Replica(long generation, String remoteId, int appliedMutations) {
    }

    /** An insertion ({@code template} set) or a removal, replayed on replicas built later. */
    private record Mutation(String templateId, Template template) {
    }

    ProcessGallery(ProcessEndpoint endpoint, Iterable<GalleryEntry> entries, Path folder) throws IOException {
        this.endpoint = endpoint;
        this.folder = Files.createDirectories(folder);
        this.spool = folder.resolve("entries.bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16))) {
            for (GalleryEntry e : entries) {
                out.writeUTF(e.templateId());
                out.writeInt(e.template().size());
                out.write(e.template().toByteArray());
            }
        }
    }

    /** Builds the first replica, in the working folder the harness gave the gallery. */
    Result<Integer> buildFirst(Path workingDirectory) {
        return endpoint.pool().withAnyWorker(lease -> {
            BuildResult built = build(lease, workingDirectory);
            if (built.failure() != null) {
                return Result.failure(built.failure());
            }
            replicas.put(lease.slot(), new Replica(lease.generation(), built.remoteId(), 0));
            size = built.size();
            return Result.success(built.size());
        });
    }

    private record BuildResult(String remoteId, int size, org.touchstone.api.Failure failure) {
    }

    private BuildResult build(WorkerPool.Lease lease, Path workingDirectory) throws WorkerFault {
        ObjectNode begin = ProcessEndpoint.request(WorkerProtocol.ENROL_BEGIN);
        begin.put("work_dir", workingDirectory.toString());
        String remoteId = ProcessEndpoint.decode(lease.call(begin, List.of(), CallLimits.Operation.ENROLMENT),
                WorkerProtocol.ENROL_BEGIN, (result, r) -> WireJson.text(result, "gallery"), f -> {
                    throw new SystemFault(FailureCode.INVALID_OUTPUT, "enrol_begin failed: " + f);
                });
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            List<String> ids = new ArrayList<>();
            List<byte[]> templates = new ArrayList<>();
            long bytes = 0;
            while (true) {
                String id;
                try {
                    id = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                byte[] t = new byte[in.readInt()];
                in.readFully(t);
                ids.add(id);
                templates.add(t);
                bytes += t.length;
                if (ids.size() >= MAX_ENTRIES_PER_FRAME || bytes >= MAX_BYTES_PER_FRAME) {
                    add(lease, remoteId, ids, templates);
                    ids.clear();
                    templates.clear();
                    bytes = 0;
                }
            }
            if (!ids.isEmpty()) {
                add(lease, remoteId, ids, templates);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the gallery spool " + spool, e);
        }
        ObjectNode finalize = ProcessEndpoint.request(WorkerProtocol.ENROL_FINALIZE);
        finalize.put("gallery", remoteId);
        return ProcessEndpoint.decode(lease.call(finalize, List.of(), CallLimits.Operation.ENROLMENT),
                WorkerProtocol.ENROL_FINALIZE,
                (result, r) -> new BuildResult(remoteId, (int) WireJson.integer(result, "size"), null),
                f -> new BuildResult(remoteId, 0, f));
    }

    private static void add(WorkerPool.Lease lease, String remoteId, List<String> ids, List<byte[]> templates)
            throws WorkerFault {
        ObjectNode add = ProcessEndpoint.request(WorkerProtocol.ENROL_ADD);
        add.put("gallery", remoteId);
        ids.forEach(add.putArray("ids")::add);
        ProcessEndpoint.decode(lease.call(add, templates, CallLimits.Operation.ENROLMENT), WorkerProtocol.ENROL_ADD,
                (result, r) -> null, f -> {
                    throw new SystemFault(FailureCode.INVALID_OUTPUT, "enrol_add failed: " + f);
                });
    }

    /** The id of this gallery in the leased worker, building a replica or catching it up first. */
    private String replicaIn(WorkerPool.Lease lease) throws WorkerFault {
        Replica replica = replicas.get(lease.slot());
        if (replica == null || replica.generation() != lease.generation()) {
            Path dir = folder.resolve("replica-" + lease.slot() + "-" + lease.generation());
            BuildResult built = build(lease, dir);
            if (built.failure() != null) {
                throw new SystemFault(FailureCode.INVALID_OUTPUT, "the gallery was built once but a replica in "
                        + "another worker failed with the same entries: " + built.failure());
            }
            replica = new Replica(lease.generation(), built.remoteId(), 0);
        }
        List<Mutation> pending;
        synchronized (mutations) {
            pending = List.copyOf(mutations.subList(replica.appliedMutations(), mutations.size()));
        }
        for (Mutation m : pending) {
            apply(lease, replica.remoteId(), m);
        }
        replica = new Replica(replica.generation(), replica.remoteId(), replica.appliedMutations() + pending.size());
        replicas.put(lease.slot(), replica);
        return replica.remoteId();
    }

    private static Frame apply(WorkerPool.Lease lease, String remoteId, Mutation m) throws WorkerFault {
        ObjectNode h = ProcessEndpoint.request(m.template() != null ? WorkerProtocol.GALLERY_INSERT
                : WorkerProtocol.GALLERY_REMOVE);
        h.put("gallery", remoteId);
        h.put("template_id", m.templateId());
        return lease.call(h, m.template() != null ? List.of(m.template().toByteArray()) : List.of(),
                CallLimits.Operation.SEARCH);
    }

    @Override
    public Result<List<Candidate>> search(Template probe, int maxCandidates) {
        return endpoint.pool().withAnyWorker(lease -> {
            ObjectNode h = ProcessEndpoint.request(WorkerProtocol.SEARCH);
            h.put("gallery", replicaIn(lease));
            h.put("max_candidates", maxCandidates);
            return ProcessEndpoint.decode(lease.call(h, List.of(probe.toByteArray()), CallLimits.Operation.SEARCH),
                    WorkerProtocol.SEARCH,
                    (result, r) -> Result.success(WireJson.parseCandidates(result.get("candidates"))), Result::failure);
        });
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public synchronized Result<String> insert(GalleryEntry entry) {
        return mutate(new Mutation(entry.templateId(), entry.template()));
    }

    @Override
    public synchronized Result<String> remove(String templateId) {
        return mutate(new Mutation(templateId, null));
    }

    /** Applies a change on one replica; a change the system accepted is replayed on the others later. */
    private Result<String> mutate(Mutation m) {
        return endpoint.pool().withAnyWorker(lease -> {
            String remoteId = replicaIn(lease);
            Frame reply = apply(lease, remoteId, m);
            String op = m.template() != null ? WorkerProtocol.GALLERY_INSERT : WorkerProtocol.GALLERY_REMOVE;
            if (reply.header().has("size")) {
                size = reply.header().get("size").asInt(size);
            }
            Result<String> answer = ProcessEndpoint.decode(reply, op, (result, r) -> {
                size = (int) WireJson.integer(result, "size");
                return Result.success(m.templateId());
            }, Result::failure);
            if (answer.isSuccess()) {
                synchronized (mutations) {
                    mutations.add(m);
                    Replica replica = replicas.get(lease.slot());
                    replicas.put(lease.slot(), new Replica(replica.generation(), remoteId, mutations.size()));
                }
            }
            return answer;
        });
    }

    @Override
    public void close() {
        for (Map.Entry<Integer, Replica> e : replicas.entrySet()) {
            try {
                endpoint.pool().withWorker(e.getKey(), lease -> {
                    if (lease.generation() == e.getValue().generation()) {
                        ObjectNode h = ProcessEndpoint.request(WorkerProtocol.GALLERY_CLOSE);
                        h.put("gallery", e.getValue().remoteId());
                        lease.call(h, List.of(), CallLimits.Operation.CLOSE);
                    }
                    return null;
                });
            } catch (SystemFault fault) {
                // A worker that fails while releasing a gallery has been replaced; nothing is left to release.
            }
        }
        replicas.clear();
        discard();
    }

    /** Deletes the spooled entries. */
    void discard() {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("warning: could not delete gallery spool " + folder + ": " + e.getMessage());
        }
    }
}
