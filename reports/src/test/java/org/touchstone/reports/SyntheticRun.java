package org.touchstone.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic run directory of any size: S subjects with one enrolment and one probe template each,
 * every pair compared (S mated and S(S - 1) non-mated comparisons). Genuine scores ~ N(0.7, 0.1), impostor
 * scores ~ N(0.3, 0.1), rounded to 6 decimals (so ties occur); 1% of probe templates and 0.1% of the
 * comparisons fail. Two group columns, sex and age_band. For figures to look at and for the scale
 * measurement; not a test.
 */
final class SyntheticRun {
    private SyntheticRun() {
    }

    static Path write(Path runDir, int subjects, long seed) throws IOException {
        Files.createDirectories(runDir);
        SplittableRandom random = new SplittableRandom(seed);
        Files.writeString(runDir.resolve("run.json"), TinyRun.RUN_JSON
                .replace("[0.25, 0.1, 0.01, 1e-6]", "[0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001]")
                .replace("\"value\": 0.65", "\"value\": 0.5").replace("\"value\": 0.85", "\"value\": 0.62")
                .replace("tiny-1", "synthetic-" + subjects), StandardCharsets.UTF_8);
        String[] sex = new String[subjects];
        String[] age = new String[subjects];
        boolean[] probeFailed = new boolean[subjects];
        try (BufferedWriter out = Files.newBufferedWriter(runDir.resolve("templates.csv"), StandardCharsets.UTF_8)) {
            out.write("template_id,role,subject_id,sample_ids,status,failure_code,message,size_bytes,latency_ns,"
                    + "group:sex,group:age_band\n");
            for (int s = 0; s < subjects; s++) {
                sex[s] = random.nextBoolean() ? "female" : "male";
                age[s] = new String[] {"18-39", "40-59", "60+"}[random.nextInt(3)];
                out.write("E" + s + ",verification_enrolment,S" + s + ",e" + s + ",ok,,,512,1000," + sex[s] + "," + age[s] + "\n");
            }
            for (int s = 0; s < subjects; s++) {
                probeFailed[s] = random.nextDouble() < 0.01;
                out.write("P" + s + ",verification_probe,S" + s + ",p" + s + ","
                        + (probeFailed[s] ? "failed,FACE_DETECTION_ERROR,no face,," : "ok,,,512,")
                        + "1000," + sex[s] + "," + age[s] + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(runDir.resolve("comparisons.csv"), StandardCharsets.UTF_8)) {
            out.write("enrolment_template,probe_template,mated,status,failure_code,score,latency_ns\n");
            StringBuilder line = new StringBuilder();
            for (int e = 0; e < subjects; e++) {
                for (int p = 0; p < subjects; p++) {
                    boolean mated = e == p;
                    line.setLength(0);
                    line.append('E').append(e).append(",P").append(p).append(',').append(mated).append(',');
                    if (probeFailed[p]) {
                        line.append("template_failed,FACE_DETECTION_ERROR,,");
                    } else if (random.nextDouble() < 0.001) {
                        line.append("comparison_failed,MATCH_ERROR,,10");
                    } else {
                        double score = (mated ? 0.7 : 0.3) + 0.1 * random.nextGaussian();
                        line.append("ok,,").append(Math.round(score * 1e6) / 1e6).append(",10");
                    }
                    out.write(line.append('\n').toString());
                }
            }
        }
        return runDir;
    }

    /** Writes a synthetic run: {@code SyntheticRun DIR SUBJECTS}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), 20261126);
    }
}
