package org.touchstone.reference.identification;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.touchstone.api.FaceImage;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.GalleryEntry;
import org.touchstone.api.Identifier;
import org.touchstone.api.Result;
import org.touchstone.api.Template;
import org.touchstone.api.TemplateCreator;
import org.touchstone.api.TemplateRole;

/**
 * 1:N identification by exact cosine search, on top of any system that makes fixed-length embedding
 * templates: the system creates the templates, an {@link EmbeddingCodec} reads them, and the gallery
 * compares each probe with every enrolled template. Scores are cosine similarities in [-1, 1].
 *
 * <p>Thread safe: searches run concurrently; {@link Gallery#insert} and {@link Gallery#remove} are
 * supported and exclude searches while they run.
 */
public final class ExactCosineIdentifier implements Identifier {
    private final TemplateCreator templates;
    private final EmbeddingCodec codec;

    /**
     * @param templates makes the templates (for example the same system's verifier)
     * @param codec     reads the embedding out of a template
     */
    public ExactCosineIdentifier(TemplateCreator templates, EmbeddingCodec codec) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public Result<Template> createTemplate(List<FaceImage> images, TemplateRole role) {
        return templates.createTemplate(images, role);
    }

    /**
     * Enrols every entry. A template that is not an embedding of this system, or a duplicate id, fails
     * the whole gallery: a gallery silently missing people would bias every rate measured on it.
     */
    @Override
    public Result<Gallery> finalizeEnrolment(Iterable<GalleryEntry> entries, Path workingDirectory) {
        ExactCosineGallery gallery = new ExactCosineGallery(codec);
        for (GalleryEntry entry : entries) {
            String problem = gallery.add(entry);
            if (problem != null) {
                return Result.failure(FailureCode.TEMPLATE_FORMAT_ERROR, problem);
            }
        }
        return Result.success(gallery);
    }
}
