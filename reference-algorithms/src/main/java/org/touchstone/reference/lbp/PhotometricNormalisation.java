package org.touchstone.reference.lbp;

/**
 * An optional brightness correction applied to the working image before the LBP operator. Both
 * corrections are monotonic, and LBP codes only compare brightness, so their effect is limited to ties,
 * rounding and the interpolated diagonal neighbours.
 *
 * <p>The declaration order is part of the template format (see {@link LbpTemplateFormat}): add new
 * constants at the end.
 */
enum PhotometricNormalisation {
    /** Leave the image as it is. */
    NONE("none") {
        @Override
        void apply(int[] grey) {
        }
    },
    /** Stretch brightness linearly so the darkest pixel becomes 0 and the brightest 255. */
    CONTRAST_STRETCH("contrast-stretch") {
        @Override
        void apply(int[] grey) {
            int min = 255;
            int max = 0;
            for (int v : grey) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max == min) {
                return;
            }
            for (int i = 0; i < grey.length; i++) {
                grey[i] = ((grey[i] - min) * 255 + (max - min) / 2) / (max - min);
            }
        }
    },
    /** Map brightness through the image's cumulative histogram so all grey levels are about equally used. */
    HISTOGRAM_EQUALISATION("histogram-equalisation") {
        @Override
        void apply(int[] grey) {
            int[] cumulative = new int[256];
            for (int v : grey) {
                cumulative[v]++;
            }
            for (int level = 1; level < 256; level++) {
                cumulative[level] += cumulative[level - 1];
            }
            int darkest = 0;
            while (cumulative[darkest] == 0) {
                darkest++;
            }
            long below = cumulative[darkest];
            long span = grey.length - below;
            if (span == 0) {
                return;
            }
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (int) (((cumulative[grey[i]] - below) * 255 + span / 2) / span);
            }
        }
    };

    private final String configName;

    PhotometricNormalisation(String configName) {
        this.configName = configName;
    }

    /** @return the value naming this normalisation in {@code lbp.properties} */
    String configName() {
        return configName;
    }

    /**
     * Corrects the image in place.
     *
     * @param grey brightness 0 to 255
     */
    abstract void apply(int[] grey);
}
