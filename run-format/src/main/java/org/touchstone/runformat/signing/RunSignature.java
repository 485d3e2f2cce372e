package org.touchstone.runformat.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.touchstone.runformat.RunFiles;
import org.touchstone.runformat.io.AtomicFiles;

/**
 * The signature of a run: a detached OpenPGP signature over run.json, in {@value RunFiles#RUN_JSON_SIGNATURE}
 * beside it. run.json holds every other file's SHA-256, so the signature covers the whole run; whoever edits a
 * score and rewrites the hashes cannot make a new signature without the secret key.
 * {@code gpg --verify run.json.asc run.json} checks it too.
 */
public final class RunSignature {
    private RunSignature() {
    }

    /**
     * Signs a run directory's run.json, replacing any signature there.
     *
     * @param runDir    the run directory
     * @param secretKey the signer's secret key file
     * @return the signer
     * @throws IOException     if run.json cannot be read or the signature written
     * @throws OpenPgpException if the key cannot sign
     */
    public static DetachedSignature.Signer sign(Path runDir, Path secretKey) throws IOException, OpenPgpException {
        PGPSecretKeyRing key = OpenPgpKeys.readSecretKey(secretKey);
        byte[] signature;
        try (InputStream runJson = Files.newInputStream(runDir.resolve(RunFiles.RUN_JSON))) {
            signature = DetachedSignature.sign(runJson, key);
        }
        AtomicFiles.write(runDir.resolve(RunFiles.RUN_JSON_SIGNATURE), signature);
        return new DetachedSignature.Signer(OpenPgpKeys.fingerprint(key.getPublicKey()),
                OpenPgpKeys.userId(key.getPublicKey()));
    }

    /**
     * Checks a run's signature against the public keys in a file.
     *
     * @param runDir    the run directory
     * @param publicKey the file of the public key(s) the run may be signed by
     * @return the signer
     * @throws IOException     if run.json or the key file cannot be read
     * @throws OpenPgpException if the run is unsigned, signed by another key, or run.json changed after signing
     */
    public static DetachedSignature.Signer verify(Path runDir, Path publicKey) throws IOException, OpenPgpException {
        PGPPublicKeyRingCollection keys = OpenPgpKeys.readPublicKeys(publicKey);
        Path signatureFile = runDir.resolve(RunFiles.RUN_JSON_SIGNATURE);
        if (!Files.isRegularFile(signatureFile)) {
            throw new OpenPgpException(RunFiles.RUN_JSON_SIGNATURE + ": missing; the run is not signed "
                    + "(touchstone sign RUN --key SECRET_KEY signs it)");
        }
        try (InputStream runJson = Files.newInputStream(runDir.resolve(RunFiles.RUN_JSON))) {
            return DetachedSignature.verify(runJson, Files.readAllBytes(signatureFile), keys);
        } catch (OpenPgpException e) {
            throw new OpenPgpException(RunFiles.RUN_JSON_SIGNATURE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who a run's signature says signed it, without checking the signature (for listings; checking needs
     * {@link #verify} and the signer's public key).
     *
     * @param runDir the run directory
     * @return the signing key's fingerprint, or empty when the run has no readable signature
     * @throws IOException if the signature file exists but cannot be read
     */
    public static Optional<String> read(Path runDir) throws IOException {
        Path signatureFile = runDir.resolve(RunFiles.RUN_JSON_SIGNATURE);
        if (!Files.isRegularFile(signatureFile)) {
            return Optional.empty();
        }
        return DetachedSignature.issuerIfReadable(Files.readAllBytes(signatureFile));
    }
}
