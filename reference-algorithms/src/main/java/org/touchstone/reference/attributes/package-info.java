/**
 * A reference attribute analyzer for the built-in synthetic faces: logistic regressions on simple image
 * features for sex, smile and eyeglasses, and a ridge regression for age, all fitted on a synthetic
 * training set that no demo or test evaluates on. The training code is the {@code reference-training}
 * module, whose build fits the parameters into its own jar (model weights are built, never committed); this
 * package holds the system and the parameters' format.
 */
package org.touchstone.reference.attributes;
