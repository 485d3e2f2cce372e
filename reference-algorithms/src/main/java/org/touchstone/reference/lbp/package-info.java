/**
 * The classical reference system: face verification by local binary pattern histograms, after Ahonen,
 * Hadid and Pietikäinen (2006). The entry point is {@link org.touchstone.reference.lbp.LbpSystemProvider},
 * registered for {@link java.util.ServiceLoader}; everything else in the package is internal.
 */
package org.touchstone.reference.lbp;
