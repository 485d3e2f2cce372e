package org.touchstone.api;

/**
 * The role a template plays, as in NIST FRVT. A system may create different templates for different
 * roles (for example, a richer enrolment template), so the harness always says which one it wants.
 */
public enum TemplateRole {
    /** The enrolled (reference) side of a 1:1 comparison. */
    VERIFICATION_ENROLMENT,
    /** The probe side of a 1:1 comparison. */
    VERIFICATION_PROBE,
    /** A template to be enrolled into a 1:N gallery. */
    IDENTIFICATION_ENROLMENT,
    /** A template searched against a 1:N gallery. */
    IDENTIFICATION_PROBE
}
