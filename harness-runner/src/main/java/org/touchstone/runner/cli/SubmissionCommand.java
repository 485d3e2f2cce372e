package org.touchstone.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.touchstone.api.FaceSystemException;
import org.touchstone.api.FaceSystemProvider;
import org.touchstone.protocols.dataset.DatasetManifest;
import org.touchstone.runformat.signing.OpenPgpKeys;
import org.touchstone.runner.cli.validate.ValidationLimits;
import org.touchstone.runner.cli.validate.ValidationReport;
import org.touchstone.runner.cli.validate.Validator;
import org.touchstone.runner.engine.prepare.DatasetResolver;
import org.touchstone.runner.systems.CacheFolder;
import org.touchstone.runner.systems.process.ProcessSystemConfig;
import org.touchstone.runner.systems.resolve.SystemResolver;
import org.touchstone.runner.systems.submission.SubmissionArchive;
import org.touchstone.runner.systems.wire.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code touchstone submission}: the vendor packs, signs and seals; the evaluator checks (docs/submissions.md). */
@Command(name = "submission", mixinStandardHelpOptions = true,
        description = "Pack a system into a signed (and optionally encrypted) submission archive, or check one.",
        subcommands = {SubmissionCommand.Pack.class, SubmissionCommand.Check.class})
public final class SubmissionCommand {
    private SubmissionCommand() {
    }

    /** Runs {@code validate} on a system, printing each check. */
    static ValidationReport validate(SystemResolver resolver, String system, Optional<Path> config, Path dataDir,
                                     ValidationLimits limits, PrintWriter out) throws Exception {
        FaceSystemProvider provider = resolver.resolve(system, Map.of());
        DatasetManifest faces = DatasetResolver.resolve(ValidateCommand.FACES, dataDir, line -> {
            out.println(line);
            out.flush();
        });
        out.printf("Validating system '%s' (%s %s %s)%n", provider.descriptor().id(), provider.descriptor().vendor(),
                provider.descriptor().name(), provider.descriptor().version());
        out.flush();
        ValidationReport report = new Validator(limits, ValidateCommand.defaultThreads()).validate(system, provider, config, faces);
        report.print(out);
        out.flush();
        return report;
    }

    /** {@code touchstone submission pack}. */
    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = {"Validate a system on this machine, then pack it: its code and models, its configuration,",
                    "the validation report, a manifest of every file's SHA-256 and your signature over it, in one",
                    "archive; with --to, encrypted (OpenPGP) to the evaluator's public key. Refuses to pack a system",
                    "that fails a required check (exit 1)."})
    static final class Pack implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--system", required = true, paramLabel = "SYSTEM",
                description = "jar:PATH[!ID] (a vendor jar or folder of jars) or process:CONFIG (a worker's config; its "
                        + "folder and every artifact it lists are packed).")
        String system;

        @Option(names = "--config", paramLabel = "DIR", description = "The system's configuration folder.")
        Path config;

        @Option(names = "--key", required = true, paramLabel = "VENDOR_KEY",
                description = "Your OpenPGP secret key (keygen's secret-key.asc), which signs the archive.")
        Path key;

        @Option(names = "--to", paramLabel = "EVALUATOR_PUBLIC_KEY",
                description = "The evaluator's OpenPGP public key: the archive is encrypted so that only they can read it.")
        Path to;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The archive to write.")
        Path out;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
                description = "Where the validation faces are generated and cached (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Mixin
        ValidationLimitOptions validationLimits;

        private final SystemResolver resolver;

        @Inject
        Pack(SystemResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter printer = spec.commandLine().getOut();
            // Keys first: a typo in a key path should not cost a validation run.
            var vendorKey = OpenPgpKeys.readSecretKey(key);
            Optional<PGPPublicKeyRingCollection> evaluator = to == null ? Optional.empty()
                    : Optional.of(OpenPgpKeys.readPublicKeys(to));
            if (evaluator.isPresent()) {
                OpenPgpKeys.encryptionKey(evaluator.get().getKeyRings().next());
            }
            Packed packed = systemFiles(system);
            ValidationReport validation = validate(resolver, system, Optional.ofNullable(config), dataDir,
                    validationLimits.limits(), printer);
            if (!validation.passed()) {
                printer.flush();
                spec.commandLine().getErr().println("error: not packed: the system fails a required check of validate");
                return ExitCodes.VALIDATION_FAILED;
            }
            Path report = Files.createTempFile("touchstone-validation-", ".json");
            try {
                validation.write(report);
                JsonNode descriptor = WireJson.descriptor(validation.descriptor());
                long started = System.nanoTime();
                String sha256 = SubmissionArchive.pack(new SubmissionArchive.Contents(packed.spec(), packed.files(),
                        Optional.ofNullable(config), report, descriptor), vendorKey, evaluator, out);
                double seconds = (System.nanoTime() - started) / 1e9;
                printer.printf("Packed %s: %d files, %,d bytes in %.1f s, SHA-256 %s%n", out, packed.files().size(),
                        Files.size(out), seconds, sha256);
                printer.println("signed by " + OpenPgpKeys.fingerprint(vendorKey.getPublicKey()) + " ("
                        + OpenPgpKeys.userId(vendorKey.getPublicKey()) + ")");
                evaluator.ifPresent(keys -> printer.println("encrypted to "
                        + OpenPgpKeys.fingerprint(keys.getKeyRings().next().getPublicKey()) + " ("
                        + OpenPgpKeys.userId(keys.getKeyRings().next().getPublicKey()) + ")"));
                return ExitCodes.OK;
            } finally {
                Files.deleteIfExists(report);
            }
        }
    }

    /** The system's files by their paths in the archive, and how the archive names the system. */
    record Packed(String spec, SortedMap<String, Path> files) {
    }

    static Packed systemFiles(String system) throws IOException, BadInputException {
        String dir = SubmissionArchive.SYSTEM_DIR;
        if (system.startsWith(SystemResolver.JAR)) {
            String rest = system.substring(SystemResolver.JAR.length());
            int bang = rest.lastIndexOf('!');
            Path path = Path.of(bang >= 0 ? rest.substring(0, bang) : rest).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new BadInputException("no such jar or folder: " + path);
            }
            String name = dir + "/" + path.getFileName();
            return new Packed(SystemResolver.JAR + name + (bang >= 0 ? rest.substring(bang) : ""),
                    SubmissionArchive.tree(path, name));
        }
        if (system.startsWith(SystemResolver.PROCESS)) {
            ProcessSystemConfig config = ProcessSystemConfig.load(Path.of(system.substring(SystemResolver.PROCESS.length())));
            List<Path> roots = new ArrayList<>(config.artifacts());
            roots.add(config.file().getParent());
            Path base = config.file().getParent();
            for (Path root : roots) {
                while (!root.startsWith(base)) {
                    base = base.getParent();
                }
            }
            SortedMap<String, Path> files = new TreeMap<>();
            for (Path root : roots) {
                String prefix = base.equals(root) ? dir : dir + "/" + base.relativize(root).toString().replace('\\', '/');
                SubmissionArchive.tree(root, prefix).forEach((name, file) -> {
                    if (!name.contains("/__pycache__/") && !name.endsWith(".pyc")) {
                        files.put(name, file);
                    }
                });
            }
            return new Packed(SystemResolver.PROCESS + dir + "/" + base.relativize(config.file()).toString()
                    .replace('\\', '/'), files);
        }
        throw new BadInputException("'" + system + "' cannot be packed: a submission holds a jar:PATH[!ID] or a "
                + "process:CONFIG system");
    }

    /** {@code touchstone submission check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a submission: decrypt it, verify the vendor's signature and every file's SHA-256, show",
                    "the descriptor and the vendor's validation verdicts, unpack it into the cache keyed by the",
                    "archive's SHA-256, and validate it again here. Exit 0 when it passes, 1 when a required check",
                    "fails, 2 when the archive is refused. Then run it with --system submission:FILE."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The submission archive.")
        Path archive;

        @Option(names = "--key", paramLabel = "EVALUATOR_KEY",
                description = "Your OpenPGP secret key, to decrypt an archive encrypted to you.")
        Path key;

        @Option(names = "--vendor-key", paramLabel = "PUBLIC",
                description = "The vendor's public key, as they gave it to you: the archive must be signed by it. "
                        + "Without it, only the key the archive carries vouches for it.")
        Path vendorKey;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
                description = "Where the validation faces are generated and cached (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Mixin
        ValidationLimitOptions validationLimits;

        private final SystemResolver resolver;

        @Inject
        Check(SystemResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter printer = spec.commandLine().getOut();
            long started = System.nanoTime();
            SubmissionArchive.Checked checked = SubmissionArchive.check(archive, Optional.ofNullable(key),
                    Optional.ofNullable(vendorKey), CacheFolder.submissions());
            double seconds = (System.nanoTime() - started) / 1e9;
            printer.printf("%s: SHA-256 %s%n", archive, checked.archiveSha256());
            printer.println("signed by " + checked.signer() + (checked.signerGiven() ? " (the vendor key given)"
                    : " (only the key in the archive vouches for it: compare this fingerprint with the one the vendor "
                    + "gave you, or use --vendor-key)"));
            printer.printf("every file's SHA-256 matches the signed manifest; unpacked to %s in %.1f s%n",
                    checked.directory(), seconds);
            JsonNode d = checked.manifest().path("descriptor");
            printer.printf("system %s: %s %s %s (%s)%n", checked.manifest().path("system").asText(),
                    d.path("vendor").asText(), d.path("name").asText(), d.path("version").asText(), d.path("id").asText());
            JsonNode vendorValidation = new ObjectMapper().readTree(checked.directory()
                    .resolve(SubmissionArchive.VALIDATION).toFile());
            printer.println("The vendor's validation (" + vendorValidation.path("harness_version").asText() + "): "
                    + vendorValidation.path("verdict").asText().toUpperCase(java.util.Locale.ROOT));
            for (JsonNode c : vendorValidation.path("checks")) {
                printer.printf("  %-4s  %s%n", c.path("verdict").asText().toUpperCase(java.util.Locale.ROOT),
                        c.path("id").asText());
            }
            printer.println("Validating again on this machine:");
            ValidationReport here;
            try {
                here = validate(resolver, checked.systemSpec(), checked.config(), dataDir, validationLimits.limits(),
                        printer);
            } catch (FaceSystemException e) {
                spec.commandLine().getErr().println("error: the unpacked system does not start here: " + e.getMessage());
                return ExitCodes.VALIDATION_FAILED;
            }
            Path report = checked.directory().resolveSibling(checked.archiveSha256() + ".validation.json");
            here.write(report);
            printer.println("Report: " + report);
            printer.println("Run it with: --system submission:" + archive);
            return here.passed() ? ExitCodes.OK : ExitCodes.VALIDATION_FAILED;
        }
    }
}
