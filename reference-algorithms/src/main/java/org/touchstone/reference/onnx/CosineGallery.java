package org.touchstone.reference.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.touchstone.api.Candidate;
import org.touchstone.api.FailureCode;
import org.touchstone.api.Gallery;
import org.touchstone.api.Result;
import org.touchstone.api.Template;

/**
 * A 1:N gallery searched exhaustively: the probe's cosine with every enrolled embedding, the best
 * {@code k} kept. Exact, simple and fast enough for the galleries of the real-portrait data (hundreds);
 * read-only after construction, so searches may run from many threads.
 */
final class CosineGallery implements Gallery {
    private final List<String> ids;
    private final float[][] embeddings;
    private final int dimension;

    /**
     * @param ids        enrolled ids, unique
     * @param embeddings unit-length embeddings, one per id
     * @param dimension  their length
     */
    CosineGallery(List<String> ids, List<float[]> embeddings, int dimension) {
        this.ids = List.copyOf(ids);
        this.embeddings = embeddings.toArray(new float[0][]);
        this.dimension = dimension;
    }

    @Override
    public Result<List<Candidate>> search(Template probe, int maxCandidates) {
        float[] query = EmbeddingTemplate.read(probe, dimension);
        if (query == null) {
            return Result.failure(FailureCode.TEMPLATE_FORMAT_ERROR, "the probe is not a " + dimension
                    + "-dimension template of this system");
        }
        int k = Math.min(maxCandidates, embeddings.length);
        // Worst of the best k on top; on equal scores the later enrolment counts as worse, so the order
        // is the same on every run.
        PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, (x, y) -> x[0] != y[0]
                ? Double.compare(x[0], y[0]) : Double.compare(y[1], x[1]));
        for (int i = 0; i < embeddings.length; i++) {
            best.add(new double[] {Embeddings.cosine(query, embeddings[i]), i});
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Candidate> candidates = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            double[] e = best.poll();
            candidates.add(0, new Candidate(ids.get((int) e[1]), e[0]));
        }
        return Result.success(List.copyOf(candidates));
    }

    @Override
    public int size() {
        return embeddings.length;
    }
}
