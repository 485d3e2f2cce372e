package org.touchstone.runner.systems.guard;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Template;

/**
 * What one template-creation call produced, as the harness records it.
 *
 * @param template  the template, or null when the call failed
 * @param failure   why it failed, or null on success
 * @param latencyNs wall time of the call
 */
public record TemplateOutcome(Template template, Failure failure, long latencyNs) {
    /** @return true when a template was produced */
    public boolean ok() {
        return failure == null;
    }

    /**
     * Writes the outcome in the form checkpoints and work-unit results carry: the latency, whether it is
     * ok, then the template's length and bytes, or the failure code and the message's UTF-8 length and bytes.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(latencyNs);
        out.writeBoolean(ok());
        if (ok()) {
            byte[] bytes = template.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        } else {
            out.writeUTF(failure.code().name());
            byte[] message = failure.message().getBytes(StandardCharsets.UTF_8);
            out.writeInt(message.length);
            out.write(message);
        }
    }

    /**
     * @param in where {@link #writeTo} wrote an outcome
     * @return the outcome
     * @throws IOException if it cannot be read
     */
    public static TemplateOutcome readFrom(DataInput in) throws IOException {
        long latency = in.readLong();
        if (in.readBoolean()) {
            byte[] template = new byte[in.readInt()];
            in.readFully(template);
            return new TemplateOutcome(Template.of(template), null, latency);
        }
        FailureCode code = FailureCode.valueOf(in.readUTF());
        byte[] message = new byte[in.readInt()];
        in.readFully(message);
        return new TemplateOutcome(null, new Failure(code, new String(message, StandardCharsets.UTF_8)), latency);
    }
}
