package org.touchstone.runner.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.protocols.ProtocolException;
import org.touchstone.protocols.ProtocolLoader;
import org.touchstone.protocols.dataset.ImageCheck;
import org.touchstone.runformat.io.Sha256;
import org.touchstone.runner.RunnerModule;
import org.touchstone.runner.Touchstone;
import org.touchstone.runner.cli.ExitCodes;
import org.touchstone.runner.engine.progress.Progress;
import picocli.CommandLine;

/**
 * Issue class "bad input charged to the system, or accepted": images no system could be fairly given are
 * reported by {@code dataset check}, by file and kind, before any run; protocol values that YAML 1.1 reads
 * otherwise than they are written are refused with the field named.
 */
class BadInputTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int touchstone(String... args) {
        CommandLine cli = Touchstone.commandLine(new RunnerModule(Progress.silent()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 + y * 13) * 0x010101 & 0xffffff);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes)).isTrue();
        return bytes.toByteArray();
    }

    /** A PNG whose header declares width x height; its pixel data is never reached. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void imageCheckNamesEachKindOfUnusableImage() throws IOException {
        byte[] jpeg = encoded("jpg", 64, 64);
        assertThat(ImageCheck.check(jpeg, ImageCheck.DEFAULT_MAX_PIXELS)).isEmpty();
        assertThat(ImageCheck.check(encoded("png", 64, 64), ImageCheck.DEFAULT_MAX_PIXELS)).isEmpty();
        assertThat(ImageCheck.check(new byte[0], 100).orElseThrow().kind()).isEqualTo(ImageCheck.Kind.EMPTY);
        assertThat(ImageCheck.check("not an image".getBytes(StandardCharsets.UTF_8), 100).orElseThrow().kind())
                .isEqualTo(ImageCheck.Kind.UNDECODABLE);
        assertThat(ImageCheck.check(Arrays.copyOf(jpeg, jpeg.length / 2), ImageCheck.DEFAULT_MAX_PIXELS)
                .orElseThrow().kind()).isEqualTo(ImageCheck.Kind.TRUNCATED);
        ImageCheck.Problem huge = ImageCheck.check(pngDeclaring(30000, 30000), ImageCheck.DEFAULT_MAX_PIXELS)
                .orElseThrow();
        assertThat(huge.kind()).isEqualTo(ImageCheck.Kind.OVERSIZED);
        assertThat(huge.detail()).contains("30000 x 30000 = 900000000 pixels").contains("50000000");
        // The limit is the caller's: 64 x 64 is 4,096 pixels.
        assertThat(ImageCheck.check(jpeg, 4096)).isEmpty();
        assertThat(ImageCheck.check(jpeg, 4095).orElseThrow().kind()).isEqualTo(ImageCheck.Kind.OVERSIZED);
    }

    @Test
    void datasetCheckDecodesEveryImageAndReportsTheBadOnesByFile() throws IOException {
        assertThat(touchstone("dataset", "generate", "synthetic:subjects=10,images=2,seed=7", "--out",
                tmp.resolve("data").toString())).as(err.toString()).isZero();
        Path manifest = tmp.resolve("data/manifest.csv");
        assertThat(touchstone("dataset", "check", manifest.toString())).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(manifest);
        int header = 0;
        while (lines.get(header).startsWith("#")) {
            header++;
        }
        List<byte[]> replacements = List.of(new byte[0], "%PDF-1.4 not an image".getBytes(StandardCharsets.UTF_8),
                pngDeclaring(30000, 30000));
        StringBuilder rewritten = new StringBuilder();
        lines.subList(0, header + 1).forEach(l -> rewritten.append(l).append('\n'));
        List<String> badFiles = new java.util.ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            int bad = i - header - 1;
            if (bad < replacements.size()) {
                Path image = manifest.getParent().resolve(cells[2]);
                Files.write(image, replacements.get(bad));
                cells[3] = Sha256.hex(image);
                badFiles.add(image.toString());
            }
            rewritten.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(manifest, rewritten.toString());
        out.getBuffer().setLength(0);

        int code = touchstone("dataset", "check", manifest.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).doesNotContain("OK:");
        String errors = err.toString();
        assertThat(errors).contains(badFiles.get(0) + ": empty").contains(badFiles.get(1) + ": undecodable")
                .contains(badFiles.get(2) + ": oversized").contains("3 of 20 images cannot be given to a system");
        // The pixel limit is configurable: with a limit above 30000 x 30000 the header passes and the missing
        // pixel data is what is wrong.
        err.getBuffer().setLength(0);
        assertThat(touchstone("dataset", "check", manifest.toString(), "--max-pixels", "1000000000"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(badFiles.get(2) + ": truncated");
    }

    /** The built-in verification protocol with one line replaced. */
    private static byte[] protocolWith(String line, String replacement) throws IOException {
        String builtIn;
        try (var in = ProtocolLoader.class.getResourceAsStream("/touchstone/protocols/verification-1.0.0.yaml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(builtIn).contains(line);
        return builtIn.replace(line, replacement).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void yaml11SurprisesAreRefusedNamingTheField() throws IOException, ProtocolException {
        String seedLine = seedLine();
        assertThat(ProtocolLoader.parse("p.yaml", protocolWith(seedLine, "seed: 10"), null).seed()).isEqualTo(10);
        assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", protocolWith(seedLine, "seed: 010"), null))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("seed: '010' is read by YAML 1.1 as the"
                        + " number 8");
        assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", protocolWith(seedLine, "seed: 0x10"), null))
                .hasMessageContaining("seed: '0x10' is read by YAML 1.1 as the number 16");
        assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", protocolWith("  vendor_thresholds: true",
                "  vendor_thresholds: off"), null)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("verification.vendor_thresholds: 'off' is read by YAML 1.1 as the boolean false");
        assertThatThrownBy(() -> ProtocolLoader.parse("p.yaml", protocolWith("  vendor_thresholds: true",
                "  vendor_thresholds: yes"), null)).hasMessageContaining("'yes' is read by YAML 1.1 as the boolean true");
    }

    private static String seedLine() throws IOException {
        try (var in = ProtocolLoader.class.getResourceAsStream("/touchstone/protocols/verification-1.0.0.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("seed:"))
                    .findFirst().orElseThrow();
        }
    }
}
