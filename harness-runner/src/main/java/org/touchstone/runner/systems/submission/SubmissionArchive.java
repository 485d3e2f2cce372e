package org.touchstone.runner.systems.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runformat.signing.DetachedSignature;
import org.touchstone.runformat.signing.OpenPgpException;
import org.touchstone.runformat.signing.OpenPgpKeys;

/**
 * The submission archive: a zip holding {@code system/} (the vendor's jar or folder of jars, or a
 * {@code process:} worker's folder with its code and models), {@code config/} (the system's configuration
 * folder, when it has one), {@code validation.json} (the vendor's {@code validate} report), the vendor's public
 * key, a manifest of every file's SHA-256 ({@value #MANIFEST}) and the vendor's detached OpenPGP signature over
 * the manifest ({@value #SIGNATURE}). Encrypted to the evaluator, the zip is the literal data of an OpenPGP
 * message (AES-256, integrity-protected) to the evaluator's X25519 key, so that {@code gpg --decrypt} reads it
 * and {@code gpg --encrypt} makes one. Files stream through in 64 KiB buffers: memory stays bounded whatever
 * the models weigh.
 */
public final class SubmissionArchive {
    /** The manifest's name in the archive. */
    public static final String MANIFEST = "touchstone-submission.json";
    /** The vendor's signature over the manifest. */
    public static final String SIGNATURE = MANIFEST + ".asc";
    /** The vendor's public key, as the archive carries it. */
    public static final String VENDOR_KEY = "vendor-public-key.asc";
    /** The vendor's validation report. */
    public static final String VALIDATION = "validation.json";
    /** The system's folder in the archive. */
    public static final String SYSTEM_DIR = "system";
    /** The configuration folder in the archive. */
    public static final String CONFIG_DIR = "config";
    /** The manifest's format. */
    public static final String FORMAT = "touchstone-submission/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;
    /** Metadata entries are read whole; a larger one is not ours. */
    private static final long MAX_METADATA_BYTES = 16L << 20;
    /** Fixed entry times, so that the archive depends on its contents (and the signature's time) alone. */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(315532800000L);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SubmissionArchive() {
    }

    /**
     * What to pack.
     *
     * @param systemSpec    the system as it will be named inside the archive, e.g. {@code jar:system/acme.jar!acme}
     *                      or {@code process:system/worker/acme.process.json}
     * @param systemFiles   every file of the system, by its path in the archive (under {@value #SYSTEM_DIR}/)
     * @param config        the configuration folder, if any
     * @param validation    the vendor's validation report file
     * @param descriptor    the system's descriptor as JSON (shown by {@code check})
     */
    public record Contents(String systemSpec, SortedMap<String, Path> systemFiles, Optional<Path> config,
                           Path validation, JsonNode descriptor) {
    }

    /**
     * Writes an archive: to {@code out} under a temporary name, moved into place when complete.
     *
     * @param contents   what to pack
     * @param vendorKey  the vendor's secret key, which signs the manifest
     * @param evaluator  the evaluator's public key to encrypt to, or empty for a plain zip
     * @param out        the archive file
     * @return the archive's SHA-256
     * @throws IOException     if a file cannot be read or the archive written
     * @throws OpenPgpException if a key cannot sign or receive
     */
    public static String pack(Contents contents, PGPSecretKeyRing vendorKey, Optional<PGPPublicKeyRingCollection> evaluator,
                              Path out) throws IOException, OpenPgpException {
        SortedMap<String, Path> files = new TreeMap<>(contents.systemFiles());
        if (contents.config().isPresent()) {
            files.putAll(tree(contents.config().get(), CONFIG_DIR));
        }
        files.put(VALIDATION, contents.validation());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), BUFFER)) {
            if (evaluator.isPresent()) {
                PGPPublicKey recipient = recipient(evaluator.get());
                PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
                        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                                .setSecureRandom(new SecureRandom()));
                encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(recipient));
                try (OutputStream encrypted = encryption.open(file, new byte[BUFFER]);
                     OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY,
                             out.getFileName().toString(), new Date(), new byte[BUFFER])) {
                    writeZip(literal, files, contents, vendorKey);
                } catch (PGPException e) {
                    throw new OpenPgpException("cannot encrypt to " + OpenPgpKeys.fingerprint(recipient) + ": "
                            + e.getMessage(), e);
                }
            } else {
                writeZip(file, files, contents, vendorKey);
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Sha256.hex(out);
    }

    private static PGPPublicKey recipient(PGPPublicKeyRingCollection keys) throws OpenPgpException {
        Iterator<PGPPublicKeyRing> rings = keys.getKeyRings();
        return OpenPgpKeys.encryptionKey(rings.next());
    }

    private static void writeZip(OutputStream out, SortedMap<String, Path> files, Contents contents,
                                 PGPSecretKeyRing vendorKey) throws IOException, OpenPgpException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        SortedMap<String, String> hashes = new TreeMap<>();
        byte[] buffer = new byte[BUFFER];
        for (Map.Entry<String, Path> e : files.entrySet()) {
            zip.putNextEntry(entry(e.getKey()));
            MessageDigest digest = Sha256.newDigest();
            try (InputStream in = Files.newInputStream(e.getValue())) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
            hashes.put(e.getKey(), Sha256.hex(digest));
        }
        byte[] publicKey = publicKeyOf(vendorKey);
        hashes.put(VENDOR_KEY, Sha256.hex(publicKey));
        writeEntry(zip, VENDOR_KEY, publicKey);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("system", contents.systemSpec());
        if (contents.config().isPresent()) {
            manifest.put("config", CONFIG_DIR);
        }
        manifest.set("descriptor", contents.descriptor());
        manifest.put("validation", VALIDATION);
        manifest.put("vendor_key_fingerprint", OpenPgpKeys.fingerprint(vendorKey.getPublicKey()));
        manifest.set("files", JSON.valueToTree(hashes));
        byte[] manifestBytes = (JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest)
                + "\n").getBytes(StandardCharsets.UTF_8);
        writeEntry(zip, MANIFEST, manifestBytes);
        writeEntry(zip, SIGNATURE, DetachedSignature.sign(new ByteArrayInputStream(manifestBytes), vendorKey));
        zip.finish();
    }

    private static byte[] publicKeyOf(PGPSecretKeyRing secret) throws IOException {
        List<PGPPublicKey> keys = new ArrayList<>();
        for (Iterator<PGPSecretKey> it = secret.getSecretKeys(); it.hasNext(); ) {
            keys.add(it.next().getPublicKey());
        }
        ByteArrayOutputStream armoured = new ByteArrayOutputStream();
        try (org.bouncycastle.bcpg.ArmoredOutputStream armour = org.bouncycastle.bcpg.ArmoredOutputStream.builder()
                .clearHeaders().build(armoured)) {
            armour.write(new PGPPublicKeyRing(keys).getEncoded());
        }
        return armoured.toByteArray();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(ENTRY_TIME);
        return entry;
    }

    private static void writeEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * @param root   a file or folder
     * @param prefix its path in the archive
     * @return every regular file under it, by its path in the archive
     * @throws IOException if it cannot be listed
     */
    public static SortedMap<String, Path> tree(Path root, String prefix) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        if (Files.isRegularFile(root)) {
            files.put(prefix, root);
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(prefix + "/" + root.relativize(p).toString().replace('\\', '/'), p);
            }
        }
        return files;
    }

    /**
     * A checked and unpacked submission.
     *
     * @param archiveSha256 the archive's SHA-256 as received
     * @param signer        the key whose signature over the manifest holds
     * @param signerGiven   true when the signer's key was given by the evaluator, false when only the key the
     *                      archive carries vouches for it (compare its fingerprint with the vendor's)
     * @param directory     where it is unpacked
     * @param manifest      the manifest
     */
    public record Checked(String archiveSha256, DetachedSignature.Signer signer, boolean signerGiven, Path directory,
                          JsonNode manifest) {
        /** @return the system as {@code --system} names it, with absolute paths into the unpacked folder */
        public String systemSpec() {
            String spec = manifest.path("system").asText();
            int colon = spec.indexOf(':');
            return spec.substring(0, colon + 1) + directory.resolve(spec.substring(colon + 1)).toString();
        }

        /** @return the unpacked configuration folder, if the archive has one */
        public Optional<Path> config() {
            return manifest.hasNonNull("config") ? Optional.of(directory.resolve(manifest.path("config").asText()))
                    : Optional.empty();
        }
    }

    /**
     * Decrypts (when encrypted), checks the signature and every hash, and unpacks into
     * {@code cacheRoot/<archive sha256>/}. Nothing is left unpacked when a check fails.
     *
     * @param archive      the archive as received
     * @param evaluatorKey the evaluator's secret key, needed when the archive is encrypted
     * @param vendorKey    the vendor's public key as the evaluator has it; when empty, the key the archive carries
     * @param cacheRoot    the folder of unpacked submissions
     * @return the checked submission
     * @throws SubmissionException if the archive is refused, with the reason and the file at fault
     * @throws IOException         if it cannot be read or unpacked
     */
    public static Checked check(Path archive, Optional<Path> evaluatorKey, Optional<Path> vendorKey, Path cacheRoot)
            throws SubmissionException, IOException {
        String sha256 = Sha256.hex(archive);
        Files.createDirectories(cacheRoot);
        Path zipFile = cacheRoot.resolve(sha256 + ".zip.partial");
        Path staging = cacheRoot.resolve(sha256 + ".partial");
        deleteTree(staging);
        try {
            boolean plain;
            try (InputStream in = Files.newInputStream(archive)) {
                plain = java.util.Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
            }
            if (plain) {
                zipFile = archive;
            } else {
                decrypt(archive, evaluatorKey, zipFile);
            }
            Checked checked;
            try (ZipFile zip = new ZipFile(zipFile.toFile())) {
                checked = unpack(archive, sha256, zip, vendorKey, staging);
            } catch (java.util.zip.ZipException e) {
                throw new SubmissionException(archive + ": not a submission archive (" + e.getMessage() + ")", e);
            }
            Path target = cacheRoot.resolve(sha256);
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Checked(sha256, checked.signer(), checked.signerGiven(), target, checked.manifest());
        } finally {
            if (!zipFile.equals(archive)) {
                Files.deleteIfExists(zipFile);
            }
            deleteTree(staging);
        }
    }

    private static void decrypt(Path archive, Optional<Path> evaluatorKey, Path zipFile)
            throws SubmissionException, IOException {
        try (InputStream in = new BufferedInputStream(PGPUtil.getDecoderStream(Files.newInputStream(archive)), BUFFER)) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            if (!(first instanceof PGPEncryptedDataList encrypted)) {
                throw new SubmissionException(archive + ": neither a submission zip nor an OpenPGP-encrypted one");
            }
            if (evaluatorKey.isEmpty()) {
                throw new SubmissionException(archive + ": is encrypted; give the evaluator's secret key with --key");
            }
            PGPSecretKeyRing key;
            try {
                key = OpenPgpKeys.readSecretKey(evaluatorKey.get());
            } catch (OpenPgpException e) {
                throw new SubmissionException(e.getMessage(), e);
            }
            PGPPublicKeyEncryptedData forUs = null;
            PGPPrivateKey privateKey = null;
            List<String> recipients = new ArrayList<>();
            for (Object o : encrypted) {
                if (o instanceof PGPPublicKeyEncryptedData data) {
                    recipients.add(String.format(java.util.Locale.ROOT, "%016X", data.getKeyID()));
                    PGPSecretKey secret = key.getSecretKey(data.getKeyID());
                    if (secret != null) {
                        forUs = data;
                        try {
                            privateKey = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                                    new BcPGPDigestCalculatorProvider()).build(new char[0]));
                        } catch (PGPException e) {
                            throw new SubmissionException(evaluatorKey.get() + ": cannot be used (a passphrase-protected"
                                    + " key must be exported without its passphrase): " + e.getMessage(), e);
                        }
                    }
                }
            }
            if (forUs == null) {
                throw new SubmissionException(archive + ": is not encrypted to the key in " + evaluatorKey.get() + " ("
                        + OpenPgpKeys.fingerprint(key.getPublicKey()) + "); it is for key ID(s) " + recipients);
            }
            InputStream clear = forUs.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
            Object content = new BcPGPObjectFactory(clear).nextObject();
            if (content instanceof PGPCompressedData compressed) {
                // gpg --encrypt compresses by default.
                content = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(content instanceof PGPLiteralData literal)) {
                throw new SubmissionException(archive + ": the encrypted message holds no file");
            }
            try (InputStream data = literal.getInputStream()) {
                Files.copy(data, zipFile, StandardCopyOption.REPLACE_EXISTING);
            }
            if (forUs.isIntegrityProtected() && !forUs.verify()) {
                throw new SubmissionException(archive + ": was altered after encryption (integrity check failed)");
            }
            if (!forUs.isIntegrityProtected()) {
                throw new SubmissionException(archive + ": is encrypted without integrity protection; refused");
            }
        } catch (PGPException e) {
            throw new SubmissionException(archive + ": cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private static Checked unpack(Path archive, String sha256, ZipFile zip, Optional<Path> vendorKey, Path staging)
            throws SubmissionException, IOException {
        byte[] manifestBytes = metadata(archive, zip, MANIFEST);
        byte[] signature = metadata(archive, zip, SIGNATURE);
        byte[] carriedKey = metadata(archive, zip, VENDOR_KEY);
        PGPPublicKeyRingCollection keys;
        DetachedSignature.Signer signer;
        try {
            keys = vendorKey.isPresent() ? OpenPgpKeys.readPublicKeys(vendorKey.get()) : carriedKeys(archive, carriedKey);
            signer = DetachedSignature.verify(new ByteArrayInputStream(manifestBytes), signature, keys);
        } catch (OpenPgpException e) {
            throw new SubmissionException(archive + ": " + SIGNATURE + ": " + e.getMessage(), e);
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            throw new SubmissionException(archive + ": " + MANIFEST + " is not JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new SubmissionException(archive + ": " + MANIFEST + ": format '" + manifest.path("format").asText()
                    + "', expected '" + FORMAT + "'");
        }
        Map<String, String> expected = new TreeMap<>();
        manifest.path("files").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
        Files.createDirectories(staging);
        byte[] buffer = new byte[BUFFER];
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || name.equals(MANIFEST) || name.equals(SIGNATURE)) {
                continue;
            }
            if (!expected.containsKey(name)) {
                throw new SubmissionException(archive + ": " + name + " is not in the signed manifest");
            }
            Path target = staging.resolve(name).normalize();
            if (!target.startsWith(staging) || name.startsWith("/") || name.contains("\\")) {
                throw new SubmissionException(archive + ": " + name + " would unpack outside its folder");
            }
            Files.createDirectories(target.getParent());
            MessageDigest digest = Sha256.newDigest();
            try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            } catch (java.util.zip.ZipException e) {
                throw new SubmissionException(archive + ": " + name + " is damaged in the archive: " + e.getMessage(), e);
            }
            String actual = Sha256.hex(digest);
            if (!actual.equals(expected.remove(name))) {
                throw new SubmissionException(archive + ": " + name + ": SHA-256 " + actual
                        + " differs from the signed manifest's; the file was changed after signing");
            }
        }
        if (!expected.isEmpty()) {
            throw new SubmissionException(archive + ": missing from the archive, though the manifest lists them: "
                    + expected.keySet());
        }
        Files.write(staging.resolve(MANIFEST), manifestBytes);
        Files.write(staging.resolve(SIGNATURE), signature);
        ObjectNode record = JSON.createObjectNode();
        record.put("archive_sha256", sha256);
        record.put("vendor_key_fingerprint", signer.fingerprint());
        record.put("vendor_user_id", signer.userId());
        record.put("vendor_key_given", vendorKey.isPresent());
        Files.writeString(staging.resolve(CHECKED), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n");
        return new Checked(sha256, signer, vendorKey.isPresent(), staging, manifest);
    }

    /** What {@code check} leaves in the unpacked folder: the archive's hash and who signed it. */
    static final String CHECKED = "touchstone-checked.json";

    private static PGPPublicKeyRingCollection carriedKeys(Path archive, byte[] key) throws OpenPgpException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(key))) {
            return new PGPPublicKeyRingCollection(in, new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
        } catch (IOException | PGPException e) {
            throw new OpenPgpException(archive + ": " + VENDOR_KEY + " is not an OpenPGP public key", e);
        }
    }

    private static byte[] metadata(Path archive, ZipFile zip, String name) throws SubmissionException, IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new SubmissionException(archive + ": " + name + " is missing; not a signed Touchstone submission");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
                throw new SubmissionException(archive + ": " + name + " is larger than " + MAX_METADATA_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /**
     * Re-reads an unpacked submission from the cache, re-checking every file against its signed manifest (so that
     * a cached copy changed since {@code check} is refused too).
     *
     * @param archive   the archive as received
     * @param cacheRoot the folder of unpacked submissions
     * @return the checked submission
     * @throws SubmissionException if it was never checked, or its unpacked files changed
     * @throws IOException         if it cannot be read
     */
    public static Checked cached(Path archive, Path cacheRoot) throws SubmissionException, IOException {
        String sha256 = Sha256.hex(archive);
        Path dir = cacheRoot.resolve(sha256);
        Path checkedFile = dir.resolve(CHECKED);
        if (!Files.isRegularFile(checkedFile)) {
            throw new SubmissionException(archive + ": this submission (SHA-256 " + sha256 + ") has not been checked "
                    + "here; run 'touchstone submission check " + archive + "' first");
        }
        JsonNode record = JSON.readTree(checkedFile.toFile());
        byte[] manifestBytes = Files.readAllBytes(dir.resolve(MANIFEST));
        JsonNode manifest = JSON.readTree(manifestBytes);
        try {
            DetachedSignature.Signer signer = DetachedSignature.verify(new ByteArrayInputStream(manifestBytes),
                    Files.readAllBytes(dir.resolve(SIGNATURE)), carriedKeys(archive, Files.readAllBytes(dir.resolve(VENDOR_KEY))));
            if (!signer.fingerprint().equals(record.path("vendor_key_fingerprint").asText())) {
                throw new SubmissionException(dir + ": signed by " + signer.fingerprint() + ", but checked as signed by "
                        + record.path("vendor_key_fingerprint").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Path file = dir.resolve(e.getKey());
                if (!Files.isRegularFile(file) || !Sha256.hex(file).equals(e.getValue().asText())) {
                    throw new SubmissionException(dir + ": " + e.getKey() + " changed since it was checked; "
                            + "run 'touchstone submission check " + archive + "' again");
                }
            }
            return new Checked(sha256, signer, record.path("vendor_key_given").asBoolean(), dir, manifest);
        } catch (OpenPgpException e) {
            throw new SubmissionException(dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Keeps ZipOutputStream.close from closing the encryption layers, which close themselves in order. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
