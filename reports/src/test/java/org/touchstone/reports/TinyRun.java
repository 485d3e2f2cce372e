package org.touchstone.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made run directory small enough to check every number by hand.
 *
 * <p>Subjects A, B (female) and C, D (male); one enrolment (E_) and one probe (P_) template each; P_C
 * failed (FACE_DETECTION_ERROR). All 16 pairs are compared: genuine scores {0.6, 0.8, 0.9} plus the failed
 * pair E_C/P_C (Ng = 4); impostor scores {0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6, 0.7} plus four failed pairs
 * (Ni = 12): three with P_C and E_B/P_A, whose comparison failed (MATCH_ERROR).
 *
 * <p>Group column {@code age_band}: E_D is the only template in "60+", so that group has no comparison.
 */
final class TinyRun {
    static final String RUN_JSON = """
            {
              "format": "touchstone-run/1",
              "status": "complete",
              "run_id": "tiny-1",
              "protocol": { "id": "verification", "version": "1.0.0", "sha256": "00" },
              "evaluation": {
                "capability": "verification",
                "fmr_targets": [0.25, 0.1, 0.01, 1e-6],
                "thresholds": [
                  { "name": "default", "value": 0.65, "source": "vendor", "description": "general use" },
                  { "name": "strict", "value": 0.85, "source": "vendor" }
                ],
                "failure_policy": "non-match",
                "group_columns": ["sex", "age_band"]
              },
              "system": { "id": "demo", "vendor": "Acme", "name": "Demo matcher", "version": "2.1",
                          "capabilities": ["verification"], "score_range": { "min": 0, "max": 1 } },
              "started": "2026-11-26T13:05:01Z"
            }
            """;

    static final String TEMPLATES_CSV = """
            template_id,role,subject_id,sample_ids,status,failure_code,message,size_bytes,latency_ns,group:sex,group:age_band
            E_A,verification_enrolment,A,s1,ok,,,512,1000,female,20-39
            E_B,verification_enrolment,B,s3,ok,,,512,1000,female,20-39
            E_C,verification_enrolment,C,s5,ok,,,512,1000,male,40-59
            E_D,verification_enrolment,D,s7,ok,,,512,1000,male,60+
            P_A,verification_probe,A,s2,ok,,,512,1000,female,20-39
            P_B,verification_probe,B,s4,ok,,,512,1000,female,20-39
            P_C,verification_probe,C,s6,failed,FACE_DETECTION_ERROR,"no face, sorry",,1000,male,40-59
            P_D,verification_probe,D,s8,ok,,,512,1000,male,40-59
            """;

    static final String COMPARISONS_CSV = """
            enrolment_template,probe_template,mated,status,failure_code,score,latency_ns
            E_A,P_A,true,ok,,0.9,10
            E_A,P_B,false,ok,,0.3,10
            E_A,P_C,false,template_failed,FACE_DETECTION_ERROR,,
            E_A,P_D,false,ok,,0.1,10
            E_B,P_A,false,comparison_failed,MATCH_ERROR,,10
            E_B,P_B,true,ok,,0.6,10
            E_B,P_C,false,template_failed,FACE_DETECTION_ERROR,,
            E_B,P_D,false,ok,,0.2,10
            E_C,P_A,false,ok,,0.6,10
            E_C,P_B,false,ok,,0.4,10
            E_C,P_C,true,template_failed,FACE_DETECTION_ERROR,,
            E_C,P_D,false,ok,,0.5,10
            E_D,P_A,false,ok,,0.7,10
            E_D,P_B,false,ok,,0.3,10
            E_D,P_C,false,template_failed,FACE_DETECTION_ERROR,,
            E_D,P_D,true,ok,,0.8,10
            """;

    private TinyRun() {
    }

    /** Writes the three raw files into a directory. */
    static Path write(Path runDir) throws IOException {
        return write(runDir, RUN_JSON, TEMPLATES_CSV, COMPARISONS_CSV);
    }

    /** Writes the given raw files into a directory. */
    static Path write(Path runDir, String runJson, String templatesCsv, String comparisonsCsv) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run.json"), runJson, StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("templates.csv"), templatesCsv, StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("comparisons.csv"), comparisonsCsv, StandardCharsets.UTF_8);
        return runDir;
    }
}
