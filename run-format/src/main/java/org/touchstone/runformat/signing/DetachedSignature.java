package org.touchstone.runformat.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Detached OpenPGP signatures over a file's bytes, ASCII-armoured: what {@code gpg --armor --detach-sign}
 * makes and {@code gpg --verify SIGNATURE FILE} checks.
 */
public final class DetachedSignature {
    private DetachedSignature() {
    }

    /**
     * Who signed, as a checked signature names them.
     *
     * @param fingerprint the signing key's fingerprint, upper-case hex
     * @param userId      the key's first user ID
     */
    public record Signer(String fingerprint, String userId) {
        @Override
        public String toString() {
            return userId.isEmpty() ? fingerprint : fingerprint + " (" + userId + ")";
        }
    }

    /**
     * @param data what to sign (read to its end)
     * @param key  the signer's secret key ring (not passphrase-protected)
     * @return the armoured detached signature
     * @throws IOException     if {@code data} cannot be read
     * @throws OpenPgpException if the key cannot sign
     */
    public static byte[] sign(InputStream data, PGPSecretKeyRing key) throws IOException, OpenPgpException {
        PGPSecretKey signingKey = OpenPgpKeys.signingKey(key);
        try {
            PGPPrivateKey privateKey = signingKey.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
            PGPPublicKey publicKey = signingKey.getPublicKey();
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator packets = new PGPSignatureSubpacketGenerator();
            packets.setSignatureCreationTime(false, new Date());
            packets.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(packets.generate());
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = data.read(buffer)) > 0; ) {
                generator.update(buffer, 0, n);
            }
            return OpenPgpKeys.armoured(generator.generate().getEncoded());
        } catch (PGPException e) {
            throw new OpenPgpException("cannot sign with the key " + OpenPgpKeys.fingerprint(key.getPublicKey())
                    + " (a passphrase-protected key must be exported without its passphrase): " + e.getMessage(), e);
        }
    }

    /**
     * Checks a detached signature.
     *
     * @param data      the signed bytes (read to their end)
     * @param signature the signature (armoured or binary)
     * @param keys      the keys it may be by
     * @return the signer
     * @throws IOException     if {@code data} cannot be read
     * @throws OpenPgpException if the signature is unreadable, by none of {@code keys}, or does not match
     */
    public static Signer verify(InputStream data, byte[] signature, PGPPublicKeyRingCollection keys)
            throws IOException, OpenPgpException {
        PGPSignature parsed = parse(signature);
        PGPPublicKey key = keys.getPublicKey(parsed.getKeyID());
        if (key == null) {
            throw new OpenPgpException("signed by key " + issuer(parsed) + ", which is not among the public keys given");
        }
        try {
            parsed.init(new BcPGPContentVerifierBuilderProvider(), key);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = data.read(buffer)) > 0; ) {
                parsed.update(buffer, 0, n);
            }
            if (!parsed.verify()) {
                throw new OpenPgpException("the signature by " + OpenPgpKeys.fingerprint(key)
                        + " does not match the signed file: it was changed after signing, or the signature replaced");
            }
        } catch (PGPException e) {
            throw new OpenPgpException("cannot check the signature: " + e.getMessage(), e);
        }
        PGPPublicKey primary = keys.getPublicKeyRing(parsed.getKeyID()).getPublicKey();
        return new Signer(OpenPgpKeys.fingerprint(primary), OpenPgpKeys.userId(primary));
    }

    /**
     * The key a signature names as its signer, without checking it: its issuer fingerprint when the signature
     * carries one (those {@code sign} makes do), else its 16-hex-digit key ID.
     *
     * @param signature the signature (armoured or binary)
     * @return the issuer
     * @throws OpenPgpException if it is not an OpenPGP signature
     */
    public static String issuer(byte[] signature) throws OpenPgpException {
        return issuer(parse(signature));
    }

    private static String issuer(PGPSignature signature) {
        if (signature.getHashedSubPackets() != null
                && signature.getHashedSubPackets().getSubpacket(SignatureSubpacketTags.ISSUER_FINGERPRINT) != null) {
            IssuerFingerprint fingerprint = signature.getHashedSubPackets().getIssuerFingerprint();
            return HexFormat.of().formatHex(fingerprint.getFingerprint()).toUpperCase(Locale.ROOT);
        }
        return String.format(Locale.ROOT, "%016X", signature.getKeyID());
    }

    private static PGPSignature parse(byte[] signature) throws OpenPgpException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            if (first instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw new OpenPgpException("not an OpenPGP detached signature (found "
                    + (first == null ? "nothing" : first.getClass().getSimpleName()) + ")");
        } catch (IOException | RuntimeException e) {
            throw new OpenPgpException("not an OpenPGP detached signature: " + e.getMessage(), e);
        }
    }

    /**
     * @param signature a signature
     * @return the signer named in it, if readable
     */
    static Optional<String> issuerIfReadable(byte[] signature) {
        try {
            return Optional.of(issuer(signature));
        } catch (OpenPgpException e) {
            return Optional.empty();
        }
    }
}
