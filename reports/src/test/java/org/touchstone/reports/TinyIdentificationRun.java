package org.touchstone.reports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A hand-made identification run small enough to check every number by hand.
 *
 * <p>Subjects A, B, C are searched for (mated); D and E are distractors; X, Y, Z are never enrolled.
 * Enrolment templates EA..EE, EC failed (so C's searches can only miss). Probes PA, PB, PC, PX, PY and PZ,
 * PZ failed. L = 3.
 *
 * <p>Gallery G0000000 (EA, EB enrolled): PA finds EA at rank 1 (0.9); PB finds EB at rank 2 (0.6, behind
 * EA 0.7); PC misses; PX returns EA and EB tied at 0.65; PY returns an empty list; PZ is not searched.
 *
 * <p>Gallery G0000002 (EA, EB, ED, EE enrolled): PA finds EA at rank 2 (0.9, behind ED 0.95); PB's search
 * failed; PC misses (ED 0.5 first); PX returns EE 0.8, EA 0.65, EB 0.65; PY's list broke the contract
 * (invalid_output); PZ is not searched.
 *
 * <p>Groups: sex (A, E, X female; B, C, D, Y male; Z unknown) and age band (D alone in "60+", an enrolment
 * template only, so that group has no search), and their intersection.
 */
public final class TinyIdentificationRun {
    static final String RUN_JSON = """
            {
              "format": "touchstone-run/1",
              "status": "complete",
              "run_id": "tiny-id-1",
              "protocol": { "id": "identification", "version": "1.0.0", "sha256": "00" },
              "evaluation": {
                "capability": "identification",
                "candidate_list_length": 3,
                "ranks": [1, 3],
                "fpir_targets": [0.5, 0.1],
                "thresholds": [ { "name": "default", "value": 0.6, "source": "vendor", "description": "general use" } ],
                "failure_policy": "non-match",
                "group_columns": ["sex", "age_band"],
                "intersections": [["sex", "age_band"]]
              },
              "system": { "id": "demo", "vendor": "Acme", "name": "Demo search", "version": "3.0",
                          "capabilities": ["identification"], "score_range": { "min": 0, "max": 1 } }
            }
            """;

    static final String TEMPLATES_CSV = """
            template_id,role,subject_id,sample_ids,status,failure_code,message,size_bytes,latency_ns,group:sex,group:age_band
            EA,identification_enrolment,A,a1,ok,,,512,1000,female,20-39
            EB,identification_enrolment,B,b1,ok,,,512,1000,male,20-39
            EC,identification_enrolment,C,c1,failed,FACE_DETECTION_ERROR,no face,,1000,male,40-59
            ED,identification_enrolment,D,d1,ok,,,512,1000,male,60+
            EE,identification_enrolment,E,e1,ok,,,512,1000,female,20-39
            PA,identification_probe,A,a2,ok,,,512,1000,female,20-39
            PB,identification_probe,B,b2,ok,,,512,1000,male,20-39
            PC,identification_probe,C,c2,ok,,,512,1000,male,40-59
            PX,identification_probe,X,x1,ok,,,512,1000,female,40-59
            PY,identification_probe,Y,y1,ok,,,512,1000,male,20-39
            PZ,identification_probe,Z,z1,failed,FACE_DETECTION_ERROR,no face,,1000,,20-39
            """;

    static final String GALLERIES_CSV = """
            gallery_id,mated_subjects,distractor_subjects,enrolled_templates,status,failure_code,message,latency_ns
            G0000000,3,0,2,ok,,,100
            G0000002,3,2,4,ok,,,100
            """;

    static final String SEARCHES_CSV = """
            gallery_id,probe_template,probe_subject,mated,status,failure_code,message,candidates,latency_ns
            G0000000,PA,A,true,ok,,,2,10
            G0000000,PB,B,true,ok,,,2,10
            G0000000,PC,C,true,ok,,,2,10
            G0000000,PX,X,false,ok,,,2,10
            G0000000,PY,Y,false,ok,,,0,10
            G0000000,PZ,Z,false,template_failed,FACE_DETECTION_ERROR,,0,
            G0000002,PA,A,true,ok,,,3,10
            G0000002,PB,B,true,search_failed,VENDOR_ERROR,out of luck,0,10
            G0000002,PC,C,true,ok,,,3,10
            G0000002,PX,X,false,ok,,,3,10
            G0000002,PY,Y,false,invalid_output,INVALID_OUTPUT,unsorted,0,10
            G0000002,PZ,Z,false,template_failed,FACE_DETECTION_ERROR,,0,
            """;

    static final String CANDIDATES_CSV = """
            gallery_id,probe_template,rank,candidate_template,score
            G0000000,PA,1,EA,0.9
            G0000000,PA,2,EB,0.3
            G0000000,PB,1,EA,0.7
            G0000000,PB,2,EB,0.6
            G0000000,PC,1,EB,0.4
            G0000000,PC,2,EA,0.2
            G0000000,PX,1,EA,0.65
            G0000000,PX,2,EB,0.65
            G0000002,PA,1,ED,0.95
            G0000002,PA,2,EA,0.9
            G0000002,PA,3,EE,0.1
            G0000002,PC,1,ED,0.5
            G0000002,PC,2,EB,0.4
            G0000002,PC,3,EA,0.2
            G0000002,PX,1,EE,0.8
            G0000002,PX,2,EA,0.65
            G0000002,PX,3,EB,0.65
            """;

    private TinyIdentificationRun() {
    }

    /** Writes the raw files into a directory. */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, RUN_JSON, TEMPLATES_CSV, GALLERIES_CSV, SEARCHES_CSV, CANDIDATES_CSV);
    }

    /** Writes the given raw files into a directory. */
    public static Path write(Path runDir, String runJson, String templates, String galleries, String searches,
                      String candidates) throws IOException {
        return ReportFiles.writeFiles(runDir, "run.json", runJson, "templates.csv", templates, "galleries.csv", galleries,
                "searches.csv", searches, "candidates.csv", candidates);
    }
}
