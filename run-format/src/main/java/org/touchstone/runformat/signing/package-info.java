/**
 * OpenPGP keys and signatures: the key pair {@code touchstone keygen} makes, the detached signature
 * {@code touchstone sign} puts beside run.json ({@link org.touchstone.runformat.signing.RunSignature}) and the
 * checks {@code touchstone verify --public-key} and the submission commands make. One key format serves
 * signing and encryption: an Ed25519 primary key that signs and an X25519 subkey that receives encrypted
 * files, the keys {@code gpg} makes and reads (docs/submissions.md says why).
 *
 * <p>Uses Bouncy Castle's OpenPGP implementation, never a home-made scheme. May import the module's root
 * package ({@code RunFiles}) and {@code io}; nothing else in the module imports it.
 */
package org.touchstone.runformat.signing;
