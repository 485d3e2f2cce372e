package org.touchstone.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark configuration a run starts with: a distribution's defaults, and the wait for executors. */
class SparkConfigurationTest {
    @BeforeEach
    void noJarsToShip() {
        // configuration() would otherwise pack this JVM's class path for the executors.
        System.setProperty("spark.jars", "runner.jar");
    }

    @AfterEach
    void clear() {
        System.clearProperty("spark.jars");
    }

    @Test
    void aDistributionsDefaultsFillOnlyWhatIsNotSetAlready(@TempDir Path tmp) throws Exception {
        Path defaults = tmp.resolve("spark-defaults.conf");
        Files.writeString(defaults, """
                # the cluster's cores
                spark.cores.max 2
                spark.executor.memory=512m
                spark.app.name   from-the-file
                not.spark.setting 1
                """);
        SparkConf conf = new SparkConf(false).setAppName("given");

        SparkBackend.defaults(conf, defaults);

        assertThat(conf.get("spark.cores.max")).isEqualTo("2");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("512m");
        assertThat(conf.get("spark.app.name")).isEqualTo("given");
        assertThat(conf.contains("not.spark.setting")).isFalse();
    }

    @Test
    void withoutTheFileNothingChanges(@TempDir Path tmp) {
        SparkConf conf = new SparkConf(false);

        SparkBackend.defaults(conf, tmp.resolve("spark-defaults.conf"));

        assertThat(conf.getAll()).isEmpty();
    }

    @Test
    void aClusterRunWaitsForItsExpectedCoresBoundedlyAndALocalOneDoesNot() {
        SparkConf cluster = SparkBackend.configuration("r", "spark://127.0.0.1:7077");
        SparkConf local = SparkBackend.configuration("r", "local[2]");

        assertThat(cluster.get("spark.scheduler.minRegisteredResourcesRatio")).isEqualTo("1.0");
        assertThat(cluster.get("spark.scheduler.maxRegisteredResourcesWaitingTime")).isEqualTo("30s");
        assertThat(local.contains("spark.scheduler.minRegisteredResourcesRatio")).isFalse();
    }

    @Test
    void aRatioGivenBySparkPropertiesIsKept() {
        System.setProperty("spark.scheduler.minRegisteredResourcesRatio", "0.5");
        try {
            assertThat(SparkBackend.configuration("r", "spark://127.0.0.1:7077")
                    .get("spark.scheduler.minRegisteredResourcesRatio")).isEqualTo("0.5");
        } finally {
            System.clearProperty("spark.scheduler.minRegisteredResourcesRatio");
        }
    }
}
