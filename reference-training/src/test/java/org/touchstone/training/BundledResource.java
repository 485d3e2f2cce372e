package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/** What the trainer tests check of a file this module's build fits into its classes. */
final class BundledResource {
    private BundledResource() {
    }

    /**
     * @param resource the resource path, as its loader reads it (leading '/')
     * @return the bytes of its one copy on the class path, which this module's build wrote: a stale copy
     *         elsewhere (reference-algorithms' classes, where it was once committed) would shadow it
     * @throws IOException if it cannot be read
     */
    static byte[] theOneCopy(String resource) throws IOException {
        List<URL> copies = Collections.list(BundledResource.class.getClassLoader().getResources(resource.substring(1)));
        assertThat(copies).as("copies of %s on the class path (a stale one in reference-algorithms/target/classes"
                + " goes with mvn clean)", resource).hasSize(1);
        assertThat(copies.get(0).toString()).contains("reference-training");
        try (InputStream in = copies.get(0).openStream()) {
            return in.readAllBytes();
        }
    }
}
