/**
 * CFP (Celebrities in Frontal-Profile): the FF and FP protocols of {@code Protocol/Split/}, image indices
 * resolved through {@code Protocol/Pair_list_F.txt} and {@code Pair_list_P.txt}.
 */
package org.touchstone.protocols.importers.cfp;
