package org.touchstone.protocols.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.api.FaceImage;
import org.touchstone.api.ImageFormat;
import org.touchstone.protocols.dataset.SyntheticDatasetWriter;
import org.touchstone.protocols.synthetic.SyntheticSpec;

/**
 * One image, one way to read it: a stored image gives exactly its file's bytes and only while they still
 * have the manifest's hash; a procedural one renders the bytes the stored dataset's file holds; a missing
 * one cannot be read; and every source survives serialization, as work units carry them to other JVMs.
 */
class ImageSourceTest {
    private static final SyntheticSpec SPEC = SyntheticSpec.parse("synthetic:subjects=10,images=2,seed=4");

    @TempDir
    static Path data;
    static DatasetManifest stored;
    static DatasetManifest procedural;

    @BeforeAll
    static void datasets() throws Exception {
        stored = ManifestLoader.load(SyntheticDatasetWriter.write(SPEC, data.resolve("stored")));
        procedural = ManifestLoader.load(SyntheticDatasetWriter.writeProcedural(SPEC, data.resolve("procedural")));
    }

    @Test
    void aStoredImageIsItsFilesBytesUnderItsSampleId() throws Exception {
        Sample sample = stored.samples().get(3);
        FaceImage image = ImageSource.of(stored, sample).read();

        assertThat(image.id()).isEqualTo(sample.sampleId());
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(bytes(image)).isEqualTo(Files.readAllBytes(stored.resolve(sample)));
    }

    @Test
    void aProceduralImageIsRenderedAsTheStoredDatasetsFileHoldsIt() throws Exception {
        for (int i : new int[] {0, 7, 19}) {
            Sample sample = procedural.samples().get(i);
            Path file = stored.resolve(stored.sample(sample.sampleId()).orElseThrow());
            assertThat(ImageSource.of(procedural, sample).bytes()).as(sample.sampleId())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void aStoredImageChangedAfterItsManifestWasCheckedIsNotRead(@TempDir Path tmp) throws Exception {
        DatasetManifest copy = ManifestLoader.load(SyntheticDatasetWriter.write(SPEC, tmp.resolve("copy")));
        Sample sample = copy.samples().get(0);
        ImageSource source = ImageSource.of(copy, sample);
        Path file = copy.resolve(sample);
        byte[] original = Files.readAllBytes(file);
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 1;
        Files.write(file, altered);

        assertThatThrownBy(source::bytes).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(sample.sampleId())
                .hasMessageContaining("the manifest says SHA-256 " + sample.sha256());
        assertThatThrownBy(source::readUnchecked).isInstanceOf(UncheckedIOException.class);

        Files.write(file, original);
        assertThat(source.bytes()).isEqualTo(original);
    }

    @Test
    void aMissingImageSaysSoAndCannotBeRead() {
        ImageSource missing = new ImageSource.Missing("S0001-01", "images/S0001-01.png", ImageFormat.PNG);

        assertThat(missing.missing()).isTrue();
        assertThat(ImageSource.of(stored, stored.samples().get(0)).missing()).isFalse();
        assertThatThrownBy(missing::read).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("images/S0001-01.png").hasMessageContaining("S0001-01");
    }

    @Test
    void sourcesTravelAsBytesAndReadTheSameImageWhereTheyArrive() throws Exception {
        for (DatasetManifest manifest : new DatasetManifest[] {stored, procedural}) {
            ImageSource source = ImageSource.of(manifest, manifest.samples().get(5));
            ImageSource arrived = roundTrip(source);
            assertThat(arrived).isEqualTo(source);
            assertThat(arrived.bytes()).isEqualTo(source.bytes());
        }
    }

    private static ImageSource roundTrip(ImageSource source) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImageSource) in.readObject();
        }
    }

    private static byte[] bytes(FaceImage image) {
        byte[] b = new byte[image.encodedLength()];
        image.encoded().get(b);
        return b;
    }
}
