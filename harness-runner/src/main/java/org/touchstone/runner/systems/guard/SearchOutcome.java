package org.touchstone.runner.systems.guard;

import java.util.List;
import org.touchstone.api.Candidate;
import org.touchstone.api.Failure;

/**
 * What one 1:N search produced, as the harness records it.
 *
 * @param candidates the validated candidate list, or null when the search failed or broke the contract
 * @param failure    why it failed, or null on success
 * @param latencyNs  wall time attributed to the search
 */
public record SearchOutcome(List<Candidate> candidates, Failure failure, long latencyNs) {
    /** @return true when a valid candidate list was returned */
    public boolean ok() {
        return failure == null;
    }
}
