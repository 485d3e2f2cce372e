/**
 * A reference attribute analyzer for the built-in synthetic faces: logistic regressions on simple image
 * features for sex, smile and eyeglasses, and a ridge regression for age, all fitted on a synthetic
 * training set that no demo or test evaluates on (the training code is the {@code reference-training}
 * module; only the fitted parameters are here).
 */
package org.touchstone.reference.attributes;
