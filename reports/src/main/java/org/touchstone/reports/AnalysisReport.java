package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.Path;

/** The report of an analysis run (in progress). */
final class AnalysisReport {
    private AnalysisReport() {
    }

    static RenderedReport render(Path runDir) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
