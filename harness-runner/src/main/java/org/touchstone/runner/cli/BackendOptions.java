package org.touchstone.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.touchstone.runner.engine.backend.Backends;

/** {@code --backend}, {@code --master} and {@code --gallery-shard-size}: where a run's work units are computed. */
final class BackendOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.EMBEDDED,
            description = "Execution backend (default: ${DEFAULT-VALUE}, a thread pool in this JVM). 'spark' runs"
                    + " the same work units on Apache Spark when the harness-spark module is on the class path"
                    + " (README: 'Running on Apache Spark').")
    String backend;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --backend spark, e.g. local[2] (this machine, 2 cores) or spark://host:7077;"
                    + " under spark-submit, spark-submit's own.")
    String master;

    private int galleryShardSize = Integer.MAX_VALUE;

    /**
     * @param size enrolment templates per gallery shard, validated as picocli parses
     */
    @Option(names = "--gallery-shard-size", paramLabel = "N",
            description = "1:N only: cut each gallery into shards of N enrolment templates, each finalised as a gallery"
                    + " of its own and searched separately, candidate lists merged by score (default: one shard per"
                    + " gallery, as the system would be used alone). Lets a distributed backend spread a large gallery;"
                    + " a system whose scores depend on the whole gallery scores differently when sharded.")
    void galleryShardSize(int size) {
        if (size < 1) {
            throw new ParameterException(mixee.commandLine(), "--gallery-shard-size must be at least 1, was " + size);
        }
        this.galleryShardSize = size;
    }

    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (master != null) {
            options.put("master", master);
        }
        return options;
    }

    int galleryShardSize() {
        return galleryShardSize;
    }
}
