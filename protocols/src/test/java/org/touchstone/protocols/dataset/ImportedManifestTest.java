package org.touchstone.protocols.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchstone.runformat.io.Sha256;

/** What imported datasets add to a manifest: an image root elsewhere, missing images, declared protocol lists. */
class ImportedManifestTest {
    @TempDir
    Path temp;

    private Path manifest(String comments, String rows) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("d"));
        return Files.writeString(dir.resolve("manifest.csv"), "# touchstone-manifest 1\n" + comments
                + "sample_id,subject_id,path,sha256\n" + rows);
    }

    @Test
    void pathsResolveAgainstTheImageRootAndMayNotLeaveIt() throws Exception {
        Path images = Files.createDirectories(temp.resolve("copy/lfw/Bono"));
        Files.write(images.resolve("Bono_0001.jpg"), new byte[] {1, 2, 3});
        String hash = Sha256.hex(new byte[] {1, 2, 3});
        Path m = manifest("# image-root: ../copy/lfw\n", "Bono_0001,Bono,Bono/Bono_0001.jpg," + hash + "\n"
                + "Bono_0002,Bono,Bono/Bono_0002.jpg,missing\n");

        DatasetManifest loaded = ManifestLoader.load(m);
        assertThat(loaded.root()).isEqualTo(temp.resolve("copy/lfw").toAbsolutePath().normalize());
        assertThat(loaded.readImage(loaded.sample("Bono_0001").orElseThrow())).containsExactly(1, 2, 3);
        assertThat(loaded.missingSamples()).extracting(Sample::sampleId).containsExactly("Bono_0002");
        assertThat(ImageSource.of(loaded, loaded.sample("Bono_0002").orElseThrow()))
                .isInstanceOf(ImageSource.Missing.class);

        Path escaping = manifest("# image-root: ../copy/lfw\n", "x,Bono,../x.jpg," + hash + "\n");
        assertThatThrownBy(() -> ManifestLoader.load(escaping)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("'../x.jpg' leaves the image root");
        Path noRoot = manifest("# image-root: ../nowhere\n", "Bono_0001,Bono,Bono/Bono_0001.jpg," + hash + "\n");
        assertThatThrownBy(() -> ManifestLoader.load(noRoot)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("image root '../nowhere' is not a folder");
    }

    @Test
    void aProtocolListIsFoundByNameAndPinnedByItsHash() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("d/lists"));
        Path list = Files.writeString(dir.resolve("a.csv"), "enrolment_samples,probe_samples\n");
        Files.write(temp.resolve("d/x.png"), new byte[] {9});
        Path m = manifest("# protocol-list: a lists/a.csv sha256=" + Sha256.hex(list) + "\n",
                "x,s,x.png," + Sha256.hex(new byte[] {9}) + "\n");
        DatasetManifest loaded = ManifestLoader.load(m);
        assertThat(loaded.protocolList("a")).isEqualTo(list.toAbsolutePath().normalize());
        assertThatThrownBy(() -> loaded.protocolList("b")).hasMessageContaining("has no protocol list 'b'; it has a");

        Files.writeString(list, "enrolment_samples,probe_samples\nx,y\n");
        assertThatThrownBy(() -> loaded.protocolList("a")).hasMessageContaining("has changed since the import");
    }
}
