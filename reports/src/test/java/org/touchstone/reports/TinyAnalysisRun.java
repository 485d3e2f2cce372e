package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A hand-made analysis run small enough to check every number by hand. Nine images; s5 found no face, s7's
 * call failed; s9 has no known truth at all and is the only image of skin tone "V".
 *
 * <pre>
 * image  age  est (conf)   sex     est (conf)     smile  est (conf)     groups
 * s1     16   19 (0.8)     female  female (0.95)  true   true (0.6)     female, I-III
 * s2     17   15 (0.9)     female  male (0.6)     false  false (0.99)   female, I-III
 * s3     30   17 (0.4)     male    male (0.9)     true   true (0.9)     male, IV-VI
 * s4     18   18 (0.7)     male    male (0.99)    ?      false (0.5)    male, IV-VI
 * s5     40   no face      female  no face        true   no face        female, IV-VI
 * s6     10   -            female  female (0.5)   false  true (0.99)    female, ?
 * s7     ?    failed       male    failed         false  failed         male, I-III
 * s8     25   28 (0.85)    male    female (0.99)  true   -              male, I-III
 * s9     ?    -            ?       -              ?      -              female, V
 * </pre>
 */
public final class TinyAnalysisRun {
    static final String RUN_JSON = """
            {
              "format": "touchstone-run/1",
              "status": "complete",
              "run_id": "tiny-analysis-1",
              "protocol": { "id": "analysis", "version": "1.0.0", "sha256": "00" },
              "evaluation": {
                "capability": "analysis",
                "attributes": ["age", "sex", "smile"],
                "confidence_thresholds": [0.5, 0.9],
                "thresholds": [ { "name": "default", "value": 0.8, "source": "vendor", "description": "general use" } ],
                "age_thresholds": [18],
                "calibration_bins": 10,
                "group_columns": ["sex", "skin_tone"],
                "intersections": [["sex", "skin_tone"]],
                "equivalence_margin": 0.02,
                "failure_policy": "undecided"
              },
              "system": { "id": "demo", "vendor": "Acme", "name": "Demo analyzer", "version": "1.2",
                          "capabilities": ["analysis"] }
            }
            """;

    static final String ANALYSES_CSV = """
            sample_id,subject_id,status,failure_code,message,faces,latency_ns,label:age,label:sex,label:smile,group:sex,group:skin_tone
            s1,A,ok,,,1,100,16,female,true,female,I-III
            s2,A,ok,,,1,100,17,female,false,female,I-III
            s3,B,ok,,,1,100,30,male,true,male,IV-VI
            s4,B,ok,,,1,100,18,male,,male,IV-VI
            s5,C,no_face,FACE_DETECTION_ERROR,no face,0,100,40,female,true,female,IV-VI
            s6,C,ok,,,1,100,10,female,false,female,
            s7,D,failed,VENDOR_ERROR,boom,0,100,,male,false,male,I-III
            s8,D,ok,,,1,100,25,male,true,male,I-III
            s9,E,ok,,,1,100,,,,female,V
            """;

    static final String ESTIMATES_CSV = """
            sample_id,attribute,label,value,confidence
            s1,age,,19,0.8
            s1,sex,female,,0.95
            s1,smile,true,,0.6
            s2,age,,15,0.9
            s2,sex,male,,0.6
            s2,smile,false,,0.99
            s3,age,,17,0.4
            s3,sex,male,,0.9
            s3,smile,true,,0.9
            s4,age,,18,0.7
            s4,sex,male,,0.99
            s4,smile,false,,0.5
            s6,sex,female,,0.5
            s6,smile,true,,0.99
            s8,age,,28,0.85
            s8,sex,female,,0.99
            """;

    private TinyAnalysisRun() {
    }

    /** Writes the raw files into a directory. */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, RUN_JSON, ANALYSES_CSV, ESTIMATES_CSV);
    }

    /** Writes the given raw files into a directory. */
    public static Path write(Path runDir, String runJson, String analyses, String estimates) throws IOException {
        return ReportFiles.writeFiles(runDir, "run.json", runJson, "analyses.csv", analyses, "estimates.csv", estimates);
    }
}
