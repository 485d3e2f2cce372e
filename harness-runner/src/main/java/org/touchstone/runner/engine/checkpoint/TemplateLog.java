package org.touchstone.runner.engine.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.touchstone.api.TemplateRole;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * The outcomes of template-creation calls, logged as they complete so that a resumed run makes only
 * the calls that have none: the template's bytes (or the failure), and the call's latency. Used by
 * every stage that creates templates (verification now; identification likewise, with its roles).
 * Safe for concurrent use.
 */
public final class TemplateLog implements AutoCloseable {
    private final RecordLog log;

    /**
     * Which call: a template of the plan, in a role.
     *
     * @param index the template's index in the plan
     * @param role  the role it was made for
     */
    public record Key(int index, TemplateRole role) {
    }

    private Map<Key, TemplateOutcome> recovered;

    private TemplateLog(RecordLog log, Map<Key, TemplateOutcome> recovered) {
        this.log = log;
        this.recovered = recovered;
    }

    /**
     * Opens a log, decoding its records as they are read so that each template's bytes are held once.
     *
     * @param file the log file
     * @return the log, with the outcomes of an interrupted run recovered
     * @throws IOException if it cannot be opened, or a record cannot be decoded (the file is not a template log)
     */
    static TemplateLog open(Path file) throws IOException {
        Map<Key, TemplateOutcome> outcomes = new HashMap<>();
        RecordLog log = RecordLog.open(file, record -> {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            Key key = new Key(in.readInt(), TemplateRole.valueOf(in.readUTF()));
            outcomes.put(key, TemplateOutcome.readFrom(in));
        });
        return new TemplateLog(log, outcomes);
    }

    /**
     * Hands over the outcomes logged by an interrupted run; the log keeps no reference to them, so they
     * live only as long as the caller keeps them.
     *
     * @return those outcomes (empty on a second call)
     */
    public Map<Key, TemplateOutcome> recovered() {
        Map<Key, TemplateOutcome> outcomes = recovered;
        recovered = Map.of();
        return outcomes;
    }

    /**
     * Logs a call's outcome.
     *
     * @param key     which call
     * @param outcome what it produced
     * @throws UncheckedIOException if it cannot be written (from worker threads, where checked exceptions
     *                              cannot travel)
     */
    public void record(Key key, TemplateOutcome outcome) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (outcome.ok() ? outcome.template().size() : 0));
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(key.index());
            out.writeUTF(key.role().name());
            outcome.writeTo(out);
            log.append(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the template checkpoint " + log.file(), e);
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
