package org.touchstone.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.PrintStream;
import org.touchstone.protocols.ProtocolRepository;
import org.touchstone.runner.engine.progress.Progress;
import org.touchstone.runner.systems.SystemRegistry;

/** Wires the runner: where systems and protocols come from, and where progress goes. */
public final class RunnerModule extends AbstractModule {
    private final Progress progress;

    /** @param progress how long stages report progress */
    public RunnerModule(Progress progress) {
        this.progress = progress;
    }

    /** @return wiring for an interactive terminal (progress bars on stderr when a console is attached) */
    public static RunnerModule forTerminal() {
        return new RunnerModule(Progress.forTerminal(System.err));
    }

    /**
     * @param out where stage lines go
     * @return wiring that reports progress as lines
     */
    public static RunnerModule withLines(PrintStream out) {
        return new RunnerModule(Progress.lines(out));
    }

    @Override
    protected void configure() {
        bind(Progress.class).toInstance(progress);
    }

    @Provides
    @Singleton
    SystemRegistry systemRegistry() {
        return new SystemRegistry(Thread.currentThread().getContextClassLoader());
    }

    @Provides
    @Singleton
    ProtocolRepository protocolRepository() throws org.touchstone.protocols.ProtocolException {
        return ProtocolRepository.builtIn();
    }
}
