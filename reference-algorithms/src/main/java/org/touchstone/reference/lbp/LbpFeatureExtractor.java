package org.touchstone.reference.lbp;

import org.touchstone.api.FailureCode;
import org.touchstone.api.Raster;
import org.touchstone.api.Result;

/**
 * The LBP face descriptor of Ahonen, Hadid and Pietikäinen (2006): the image is resampled to a
 * {@value #WORKING_SIZE}x{@value #WORKING_SIZE} grey image, every pixel gets its uniform LBP label, and
 * the labels are counted in a histogram per cell of a grid. Each cell's histogram is divided by the
 * cell's pixel count, so cells weigh the same whatever their size.
 *
 * <p>Immutable and thread safe.
 */
final class LbpFeatureExtractor {
    /** The side of the square grey image the operator runs on, in pixels. */
    static final int WORKING_SIZE = 96;
    /** Images with a side shorter than this are refused: upsampled further they hold no texture. */
    static final int MIN_IMAGE_SIDE = 24;
    /** Working images whose brightness spans fewer grey levels than this are refused as blank. */
    static final int MIN_BRIGHTNESS_RANGE = 8;

    private final LbpSettings settings;
    private final LbpOperator operator;
    /** For each working-image column and row, the grid column and row of the cell it falls in. */
    private final int[] cellColumnOfX;
    private final int[] cellRowOfY;
    /** The number of pixels in each cell, by grid row and column. */
    private final float[][] cellPixels;

    /**
     * @param settings the operator, grid and normalisation to use
     */
    LbpFeatureExtractor(LbpSettings settings) {
        this.settings = settings;
        this.operator = new LbpOperator(settings.radius());
        this.cellColumnOfX = cellIndices(settings.gridColumns());
        this.cellRowOfY = cellIndices(settings.gridRows());
        this.cellPixels = new float[settings.gridRows()][settings.gridColumns()];
        for (int y = 0; y < WORKING_SIZE; y++) {
            for (int x = 0; x < WORKING_SIZE; x++) {
                cellPixels[cellRowOfY[y]][cellColumnOfX[x]]++;
            }
        }
    }

    /**
     * Describes one image.
     *
     * @param raster the decoded image
     * @return the per-cell histograms, one array per grid row with the cells' 59 bins one after another;
     *         or a {@link FailureCode#REFUSE_INPUT} failure for an image too small or without contrast
     */
    Result<float[][]> histograms(Raster raster) {
        if (raster.width() < MIN_IMAGE_SIDE || raster.height() < MIN_IMAGE_SIDE) {
            return Result.failure(FailureCode.REFUSE_INPUT, "image of " + raster.width() + "x" + raster.height()
                    + " pixels is too small; each side must be at least " + MIN_IMAGE_SIDE);
        }
        int[] grey = WorkingImage.resample(raster, WORKING_SIZE);
        int darkest = 255;
        int brightest = 0;
        for (int v : grey) {
            darkest = Math.min(darkest, v);
            brightest = Math.max(brightest, v);
        }
        if (brightest - darkest < MIN_BRIGHTNESS_RANGE) {
            return Result.failure(FailureCode.REFUSE_INPUT, "image is blank: its brightness spans only "
                    + (brightest - darkest + 1) + " grey levels");
        }
        settings.normalisation().apply(grey);
        int[] codes = operator.codes(grey, WORKING_SIZE, WORKING_SIZE);

        int[][] counts = new int[settings.gridRows()][settings.valuesPerGridRow()];
        for (int y = 0; y < WORKING_SIZE; y++) {
            int[] rowCounts = counts[cellRowOfY[y]];
            for (int x = 0; x < WORKING_SIZE; x++) {
                int label = UniformPatterns.label(codes[y * WORKING_SIZE + x]);
                rowCounts[cellColumnOfX[x] * UniformPatterns.LABELS + label]++;
            }
        }
        float[][] histograms = new float[settings.gridRows()][settings.valuesPerGridRow()];
        for (int row = 0; row < histograms.length; row++) {
            for (int column = 0; column < settings.gridColumns(); column++) {
                int start = column * UniformPatterns.LABELS;
                for (int bin = start; bin < start + UniformPatterns.LABELS; bin++) {
                    histograms[row][bin] = counts[row][bin] / cellPixels[row][column];
                }
            }
        }
        return Result.success(histograms);
    }

    /** Splits the working image's side into {@code cells} nearly equal runs of pixels. */
    private static int[] cellIndices(int cells) {
        int[] cellOf = new int[WORKING_SIZE];
        for (int i = 0; i < WORKING_SIZE; i++) {
            cellOf[i] = i * cells / WORKING_SIZE;
        }
        return cellOf;
    }
}
