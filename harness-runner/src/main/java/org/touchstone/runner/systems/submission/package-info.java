/**
 * Submissions: a vendor's system packed into one signed (and optionally encrypted) archive, checked and
 * unpacked by the evaluator into a cache keyed by the archive's hash, then run as {@code submission:FILE}
 * (docs/submissions.md). Part of the systems layer: may import {@code systems}, {@code systems.process} and
 * run-format's {@code signing}; the commands that pack and check are in {@code cli}.
 */
package org.touchstone.runner.systems.submission;
