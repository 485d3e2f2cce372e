package org.touchstone.runner.engine.stage;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.touchstone.runner.systems.guard.TemplateOutcome;

/**
 * Every template of a run, as work units read them wherever they run: made once by the template stage,
 * {@linkplain org.touchstone.runner.engine.backend.BackendSession#share shared} with the comparison or search
 * units, and shipped to other JVMs as bytes (each outcome in {@link TemplateOutcome#writeTo} form).
 */
public final class TemplateSet implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient TemplateStage.Templates templates;

    /** @param templates the outcomes of the template stage */
    public TemplateSet(TemplateStage.Templates templates) {
        this.templates = templates;
    }

    /** @return the outcomes, indexed like the plan's templates; null where a role was not needed */
    public TemplateStage.Templates templates() {
        return templates;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        write(out, templates.enrolment());
        write(out, templates.probe());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        TemplateOutcome[] enrolment = read(in);
        templates = new TemplateStage.Templates(enrolment, read(in));
    }

    private static void write(ObjectOutputStream out, TemplateOutcome[] outcomes) throws IOException {
        out.writeInt(outcomes.length);
        for (TemplateOutcome outcome : outcomes) {
            out.writeBoolean(outcome != null);
            if (outcome != null) {
                outcome.writeTo(out);
            }
        }
    }

    private static TemplateOutcome[] read(ObjectInputStream in) throws IOException {
        TemplateOutcome[] outcomes = new TemplateOutcome[in.readInt()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = in.readBoolean() ? TemplateOutcome.readFrom(in) : null;
        }
        return outcomes;
    }
}
