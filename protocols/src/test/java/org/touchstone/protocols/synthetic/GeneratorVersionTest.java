package org.touchstone.protocols.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins what version {@value SyntheticFaceRenderer#GENERATOR_VERSION} of the generator produces, so that a
 * change to the rendering cannot slip out under the same version. If one of these fails after a
 * deliberate change, bump {@link SyntheticFaceRenderer#GENERATOR_VERSION} and update the constants here.
 * If one fails on another JDK with no change to the code, that JDK's Java2D rasterises differently, and
 * its datasets will not match those made elsewhere (their manifest hashes will say so).
 */
class GeneratorVersionTest {
    private static final SyntheticFaceRenderer RENDERER = new SyntheticFaceRenderer(SyntheticSpec.of(10, 3, 7));

    @Test
    void versionIsTheOneThesePinnedValuesBelongTo() {
        assertThat(SyntheticFaceRenderer.GENERATOR_VERSION).isEqualTo(1);
    }

    @Test
    void labelsOfSeed7AreUnchanged() {
        assertThat(RENDERER.labels(0, 0)).isEqualTo(new SyntheticLabels("female", 19, 5, true, false));
        assertThat(RENDERER.labels(1, 0)).isEqualTo(new SyntheticLabels("female", 39, 4, false, false));
        assertThat(RENDERER.labels(2, 0)).isEqualTo(new SyntheticLabels("male", 18, 5, false, true));
        assertThat(RENDERER.labels(3, 0)).isEqualTo(new SyntheticLabels("male", 20, 6, false, false));
        assertThat(RENDERER.labels(3, 2).smile()).isTrue();
    }

    @Test
    void pixelsOfSeed7AreUnchanged() throws NoSuchAlgorithmException {
        // Pixels rather than PNG bytes: the compressed bytes also depend on the platform's zlib.
        assertThat(pixelHash(0, 0)).isEqualTo("a6a3370fc6ec0a513fae3856082a0c95c7add503e9f413c5e52417ccc0e0c734");
        assertThat(pixelHash(3, 1)).isEqualTo("a3b607366c62e2a3b0d4beb8798eccc9b2e80684dc267022eaec22a6ac660a9e");
    }

    private static String pixelHash(int subject, int image) throws NoSuchAlgorithmException {
        int[] pixels = ((DataBufferInt) RENDERER.render(subject, image).getRaster().getDataBuffer()).getData();
        ByteBuffer bytes = ByteBuffer.allocate(pixels.length * Integer.BYTES);
        bytes.asIntBuffer().put(pixels);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }
}
