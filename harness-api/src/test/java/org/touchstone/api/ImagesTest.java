package org.touchstone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void colourImagesDecodeToRgbSamples() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(2, 1, 0x0000FF);
        image.setRGB(1, 0, 0x808080);
        Raster r = new FaceImage("s1", ImageFormat.PNG, png(image)).raster();
        assertThat(r.width()).isEqualTo(3);
        assertThat(r.height()).isEqualTo(2);
        assertThat(r.channels()).isEqualTo(3);
        assertThat(new int[] {r.sample(0, 0, 0), r.sample(0, 0, 1), r.sample(0, 0, 2)}).containsExactly(255, 0, 0);
        assertThat(new int[] {r.sample(2, 1, 0), r.sample(2, 1, 1), r.sample(2, 1, 2)}).containsExactly(0, 0, 255);
        // BT.601: 0.299 * 255 = 76.2 for pure red; 128 for mid grey.
        assertThat(r.luma(0, 0)).isEqualTo(76);
        assertThat(r.luma(1, 0)).isEqualTo(128);
        assertThat(r.toGrey().sample(1, 0, 0)).isEqualTo(128);
    }

    @Test
    void greyImagesDecodeToOneChannel() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(1, 1, 0, 200);
        Raster r = new FaceImage("g", ImageFormat.PNG, png(image)).raster();
        assertThat(r.channels()).isEqualTo(1);
        assertThat(r.sample(1, 1, 0)).isEqualTo(200);
        assertThat(r.luma(0, 0)).isZero();
        assertThat(r.toGrey()).isSameAs(r);
    }

    @Test
    void corruptBytesAreACheckedDecodeFailureNamingTheImage() {
        FaceImage broken = new FaceImage("sample-42", ImageFormat.PNG, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(broken::raster).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("sample-42").hasMessageContaining("4 bytes");
        try {
            broken.raster();
        } catch (ImageDecodeException e) {
            assertThat(e.toFailure().code()).isEqualTo(FailureCode.PARSE_ERROR);
        }
    }

    @Test
    void encodedBytesAreCopiedAndReadOnly() throws Exception {
        byte[] bytes = png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FaceImage image = new FaceImage("s", ImageFormat.PNG, bytes);
        bytes[0] = 0;
        assertThat(image.raster().width()).isEqualTo(1);
        assertThat(image.encoded().isReadOnly()).isTrue();
        assertThat(image.encodedLength()).isEqualTo(bytes.length);
    }

    @Test
    void rastersCheckTheirShape() {
        assertThatThrownBy(() -> new Raster(2, 2, 3, new byte[11])).hasMessageContaining("expected 12 samples");
        assertThatThrownBy(() -> new Raster(2, 2, 2, new byte[8])).hasMessageContaining("channels must be 1");
        assertThatThrownBy(() -> new Raster(0, 2, 1, new byte[0])).hasMessageContaining("must be positive");
    }

    @Test
    void formatsComeFromTheExtension() {
        assertThat(ImageFormat.fromFileName("a/b/FACE.JPEG")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.fromFileName("x.png")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.fromFileName("x.tiff")).isEmpty();
        assertThat(ImageFormat.fromFileName("noext")).isEmpty();
    }
}
