package org.touchstone.protocols;

import java.util.List;
import java.util.Objects;

/**
 * The {@code template-galleries} identification design (IJB-B/C 1:N): galleries and probes given by the
 * dataset's own template lists, each template being all the images a templates list gives it (the system pools
 * them through the SPI's multi-image {@code createTemplate}). Every probe is searched in each gallery on its own;
 * a probe is mated in a gallery exactly when a template of that gallery shows its subject (open set: the
 * probes of another gallery's subjects are non-mated there). See {@code docs/protocol-format.md}.
 *
 * @param templateList   the name of the dataset's templates list ({@code template_id,sample_id})
 * @param galleryLists   the names of the dataset's gallery lists ({@code template_id}), in report order
 * @param probeList      the name of the dataset's probe list ({@code template_id})
 * @param fnirRank       R of FNIR(N, R, T) at the FPIR targets (insightface's IJB report: 1)
 * @param averaged       whether the report also gives the mean over galleries of each rate, as insightface does
 */
public record TemplateGalleries(String templateList, List<String> galleryLists, String probeList, int fnirRank,
                                boolean averaged) {
    /** Copies the lists and checks what a loader has already refused. */
    public TemplateGalleries {
        Objects.requireNonNull(templateList, "templateList");
        Objects.requireNonNull(probeList, "probeList");
        galleryLists = List.copyOf(galleryLists);
        if (galleryLists.isEmpty()) {
            throw new IllegalArgumentException("at least one gallery list");
        }
        if (fnirRank < 1) {
            throw new IllegalArgumentException("fnir rank must be >= 1, was " + fnirRank);
        }
    }
}
