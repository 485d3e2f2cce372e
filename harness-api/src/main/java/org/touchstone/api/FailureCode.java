package org.touchstone.api;

/**
 * Why an operation failed. The codes returned by systems follow NIST FRVT's return codes so that
 * results are comparable with FRVT logs; the codes marked "harness" are assigned by Touchstone itself
 * when a system misbehaves and are never returned by a system.
 */
public enum FailureCode {
    /** A failure the system could not classify. */
    UNKNOWN_ERROR(false),
    /** The configuration directory or its contents are missing or invalid. */
    CONFIG_ERROR(false),
    /** The system refuses this input (for example, an image type it does not accept). */
    REFUSE_INPUT(false),
    /** Feature extraction failed. */
    EXTRACT_ERROR(false),
    /** The input could not be parsed or decoded. */
    PARSE_ERROR(false),
    /** A template could not be created. */
    TEMPLATE_CREATION_ERROR(false),
    /** A verification (probe) template is invalid. */
    VERIF_TEMPLATE_ERROR(false),
    /** No face was detected where one was required: a failure to acquire. */
    FACE_DETECTION_ERROR(false),
    /** The number of inputs is not supported (for example, too many images for one template). */
    NUM_DATA_ERROR(false),
    /** A template given to the system is not in its format. */
    TEMPLATE_FORMAT_ERROR(false),
    /** The enrolment (gallery) working directory could not be used. */
    ENROLL_DIR_ERROR(false),
    /** An input location is invalid. */
    INPUT_LOCATION_ERROR(false),
    /** The system ran out of memory. */
    MEMORY_ERROR(false),
    /** Two templates could not be compared. */
    MATCH_ERROR(false),
    /** Quality assessment failed. */
    QUALITY_ASSESSMENT_ERROR(false),
    /** The operation is not implemented by this system. */
    NOT_IMPLEMENTED(false),
    /** A vendor-specific failure; the message says more. */
    VENDOR_ERROR(false),

    /** Harness: the system threw an exception instead of returning a failure. */
    UNCAUGHT_EXCEPTION(true),
    /** Harness: the call did not return within the protocol's time limit. */
    TIMEOUT(true),
    /** Harness: the system's process exited or its connection was lost during the call. */
    SYSTEM_CRASHED(true),
    /** Harness: the system returned output that breaks the SPI contract (null, NaN, unsorted, ...). */
    INVALID_OUTPUT(true),
    /**
     * Harness: the dataset could not supply an image (missing from the copy, empty, undecodable, truncated or
     * above the pixel limit): the dataset's failure to acquire, never the system's. The system was not called.
     */
    FAILURE_TO_ACQUIRE(true),
    /** Harness: the system made a template larger than the run's template size limit (1 MiB unless set). */
    TEMPLATE_TOO_LARGE(true);

    private final boolean harnessAssigned;

    FailureCode(boolean harnessAssigned) {
        this.harnessAssigned = harnessAssigned;
    }

    /**
     * Whether the harness assigns this code itself. A system returning such a code is itself recorded
     * as {@link #INVALID_OUTPUT}.
     *
     * @return true for codes only the harness assigns
     */
    public boolean isHarnessAssigned() {
        return harnessAssigned;
    }
}
