package org.touchstone.runformat.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP key pairs: made by {@code touchstone keygen}, read by every command that signs, checks, encrypts or
 * decrypts. A key is an Ed25519 primary key (certify and sign) with an X25519 subkey (encrypt), as version 4
 * keys, the kind {@code gpg --quick-generate-key NAME ed25519} and {@code gpg --import} understand, so a vendor
 * or evaluator who already has such a key in GnuPG can export it and use it here, and the reverse.
 */
public final class OpenPgpKeys {
    /** The secret key's file name in the folder {@code keygen} writes (readable by its owner only). */
    public static final String SECRET_KEY_FILE = "secret-key.asc";
    /** The public key's file name in the folder {@code keygen} writes: the one to hand out. */
    public static final String PUBLIC_KEY_FILE = "public-key.asc";

    private OpenPgpKeys() {
    }

    /**
     * What {@link #generate} wrote.
     *
     * @param secretKey   the secret key file (mode 600 where the file system has POSIX permissions)
     * @param publicKey   the public key file
     * @param fingerprint the primary key's fingerprint, upper-case hex
     */
    public record GeneratedKey(Path secretKey, Path publicKey, String fingerprint) {
    }

    /**
     * Makes a new key pair and writes it, ASCII-armoured, to {@code outDir}. Refuses to overwrite existing key
     * files. The secret key is not passphrase-protected: its file's permissions protect it, so that CI can sign
     * unattended (docs/submissions.md).
     *
     * @param userId the key's user ID, e.g. {@code "Example Vendor <eval@example.com>"}
     * @param outDir the folder to write to (created if absent)
     * @return the files and fingerprint
     * @throws IOException     if the files cannot be written, or already exist
     * @throws OpenPgpException if Bouncy Castle cannot make the key
     */
    public static GeneratedKey generate(String userId, Path outDir) throws IOException, OpenPgpException {
        Path secretFile = outDir.resolve(SECRET_KEY_FILE);
        Path publicFile = outDir.resolve(PUBLIC_KEY_FILE);
        for (Path existing : List.of(secretFile, publicFile)) {
            if (Files.exists(existing)) {
                throw new FileAlreadyExistsException(existing.toString(), null,
                        "a key file is already there; keygen never overwrites a key");
            }
        }
        PGPSecretKeyRing secretRing;
        PGPPublicKeyRing publicRing;
        try {
            SecureRandom random = new SecureRandom();
            Date now = new Date();
            Ed25519KeyPairGenerator signing = new Ed25519KeyPairGenerator();
            signing.init(new Ed25519KeyGenerationParameters(random));
            X25519KeyPairGenerator encryption = new X25519KeyPairGenerator();
            encryption.init(new X25519KeyGenerationParameters(random));
            PGPKeyPair primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY, signing.generateKeyPair(), now);
            PGPKeyPair subkey = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH, encryption.generateKeyPair(), now);

            PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
            primaryPackets.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryPackets.setPreferredHashAlgorithms(false,
                    new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            primaryPackets.setPreferredSymmetricAlgorithms(false,
                    new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            primaryPackets.setIssuerFingerprint(false, primary.getPublicKey());
            PGPSignatureSubpacketGenerator subkeyPackets = new PGPSignatureSubpacketGenerator();
            subkeyPackets.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), primaryPackets.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512), null);
            rings.addSubKey(subkey, subkeyPackets.generate(), null);
            secretRing = rings.generateSecretKeyRing();
            publicRing = rings.generatePublicKeyRing();
        } catch (PGPException e) {
            throw new OpenPgpException("cannot make an OpenPGP key pair: " + e.getMessage(), e);
        }
        Files.createDirectories(outDir);
        writeOwnerOnly(secretFile, armoured(secretRing.getEncoded()));
        Files.write(publicFile, armoured(publicRing.getEncoded()));
        return new GeneratedKey(secretFile, publicFile, fingerprint(publicRing.getPublicKey()));
    }

    /**
     * @param key a public key
     * @return its fingerprint, upper-case hex, as {@code gpg --fingerprint} shows it without spaces
     */
    public static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /**
     * @param key a public key ring
     * @return the primary key's first user ID, or empty text when it has none
     */
    public static String userId(PGPPublicKey key) {
        Iterator<String> ids = key.getUserIDs();
        return ids.hasNext() ? ids.next() : "";
    }

    /**
     * Reads one secret key ring (ASCII-armoured or binary), such as {@code keygen} writes or
     * {@code gpg --export-secret-keys --armor} exports (without a passphrase).
     *
     * @param file the secret key file
     * @return its first key ring
     * @throws IOException     if the file cannot be read
     * @throws OpenPgpException if it holds no OpenPGP secret key
     */
    public static PGPSecretKeyRing readSecretKey(Path file) throws IOException, OpenPgpException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
            Iterator<PGPSecretKeyRing> it = rings.getKeyRings();
            if (!it.hasNext()) {
                throw new OpenPgpException(file + ": holds no OpenPGP secret key");
            }
            return it.next();
        } catch (PGPException | IOException | RuntimeException e) {
            if (e instanceof java.nio.file.NoSuchFileException missing) {
                throw missing;
            }
            throw new OpenPgpException(file + ": not an OpenPGP secret key (expected the " + SECRET_KEY_FILE
                    + " that keygen writes, or gpg --export-secret-keys --armor): " + e.getMessage(), e);
        }
    }

    /**
     * Reads public keys (ASCII-armoured or binary): a file {@code keygen} writes or {@code gpg --export --armor}
     * exports, with one key or several.
     *
     * @param file the public key file
     * @return every key ring it holds (at least one)
     * @throws IOException     if the file cannot be read
     * @throws OpenPgpException if it holds no OpenPGP public key
     */
    public static PGPPublicKeyRingCollection readPublicKeys(Path file) throws IOException, OpenPgpException {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (PGPException | IOException | RuntimeException e) {
            if (e instanceof java.nio.file.NoSuchFileException missing) {
                throw missing;
            }
            throw new OpenPgpException(file + ": not an OpenPGP public key (expected the " + PUBLIC_KEY_FILE
                    + " that keygen writes, or gpg --export --armor): " + e.getMessage(), e);
        }
        if (rings.size() == 0) {
            throw new OpenPgpException(file + ": holds no OpenPGP public key");
        }
        return rings;
    }

    /**
     * @param ring a secret key ring
     * @return its key that may sign data (the primary key for keys {@code keygen} makes)
     * @throws OpenPgpException if none may
     */
    public static PGPSecretKey signingKey(PGPSecretKeyRing ring) throws OpenPgpException {
        List<PGPSecretKey> candidates = new ArrayList<>();
        ring.getSecretKeys().forEachRemaining(candidates::add);
        for (PGPSecretKey key : candidates) {
            if (key.isSigningKey() && mayDo(key.getPublicKey(), KeyFlags.SIGN_DATA, key.isMasterKey())) {
                return key;
            }
        }
        throw new OpenPgpException("the secret key " + fingerprint(ring.getPublicKey()) + " has no key that may sign");
    }

    /**
     * @param ring a public key ring
     * @return its key that may receive encrypted data (the X25519 subkey for keys {@code keygen} makes)
     * @throws OpenPgpException if none may
     */
    public static PGPPublicKey encryptionKey(PGPPublicKeyRing ring) throws OpenPgpException {
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        while (keys.hasNext()) {
            PGPPublicKey key = keys.next();
            if (key.isEncryptionKey() && !key.hasRevocation()
                    && mayDo(key, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE, false)) {
                return key;
            }
        }
        throw new OpenPgpException("the public key " + fingerprint(ring.getPublicKey())
                + " has no key that may receive encrypted files");
    }

    /** Whether a key's binding or self signature allows any of {@code flags}; keys without flags may. */
    private static boolean mayDo(PGPPublicKey key, int flags, boolean primaryWithoutFlagsMay) {
        Iterator<PGPSignature> signatures = key.getSignatures();
        boolean sawFlags = false;
        while (signatures.hasNext()) {
            PGPSignature signature = signatures.next();
            if (signature.getHashedSubPackets() != null && signature.getHashedSubPackets().getKeyFlags() != 0) {
                sawFlags = true;
                if ((signature.getHashedSubPackets().getKeyFlags() & flags) != 0) {
                    return true;
                }
            }
        }
        return !sawFlags && (primaryWithoutFlagsMay || !key.isMasterKey());
    }

    /** ASCII armour without a version header, so that the text does not name a library version. */
    static byte[] armoured(byte[] binary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armour = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            armour.write(binary);
        }
        return bytes.toByteArray();
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
