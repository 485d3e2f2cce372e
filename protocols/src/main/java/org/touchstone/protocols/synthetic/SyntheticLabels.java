package org.touchstone.protocols.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchstone.api.Attribute;

/**
 * The ground truth of one synthetic image: the attribute labels an analysis system is scored against
 * and the demographic groups its errors are broken down by.
 *
 * @param sex        {@code female} or {@code male} (the vocabulary of {@link Attribute#SEX}); fixed per subject
 * @param age        age in years, 18..80; fixed per subject
 * @param skinType   Fitzpatrick-like skin type 1..6 (I..VI); fixed per subject
 * @param smile      whether this image shows a smile; varies per image
 * @param eyeglasses whether this image shows clear eyeglasses; varies per image
 */
public record SyntheticLabels(String sex, int age, int skinType, boolean smile, boolean eyeglasses) {
    /** Group column for apparent sex; values {@code female}, {@code male}. */
    public static final String SEX_GROUP = "sex";
    /** Group column for skin tone; values {@value #LIGHTER} (types I-III) and {@value #DARKER} (IV-VI). */
    public static final String SKIN_TONE_GROUP = "skin_tone";
    /** Group column for age; values {@code 18-30}, {@code 31-50}, {@code 51+}. */
    public static final String AGE_BAND_GROUP = "age_band";
    /** Skin tone group of Fitzpatrick types I-III. */
    public static final String LIGHTER = "lighter";
    /** Skin tone group of Fitzpatrick types IV-VI. */
    public static final String DARKER = "darker";
    /** Youngest age generated. */
    public static final int MIN_AGE = 18;
    /** Oldest age generated. */
    public static final int MAX_AGE = 80;

    /** Every group column this generator writes, with its values, in a fixed order. */
    public static final Map<String, List<String>> GROUP_VALUES = groupValues();

    private static Map<String, List<String>> groupValues() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(SEX_GROUP, Attribute.SEX.labels());
        groups.put(SKIN_TONE_GROUP, List.of(LIGHTER, DARKER));
        groups.put(AGE_BAND_GROUP, List.of("18-30", "31-50", "51+"));
        return Collections.unmodifiableMap(groups);
    }

    /**
     * @param sex        {@code female} or {@code male}
     * @param age        age in years, {@value #MIN_AGE}..{@value #MAX_AGE}
     * @param skinType   skin type 1..6
     * @param smile      whether the image shows a smile
     * @param eyeglasses whether the image shows eyeglasses
     * @throws IllegalArgumentException if a value is outside its range
     */
    public SyntheticLabels {
        if (!Attribute.SEX.labels().contains(sex)) {
            throw new IllegalArgumentException("sex must be one of " + Attribute.SEX.labels() + ", was " + sex);
        }
        if (age < MIN_AGE || age > MAX_AGE) {
            throw new IllegalArgumentException("age must be " + MIN_AGE + ".." + MAX_AGE + ", was " + age);
        }
        if (skinType < 1 || skinType > 6) {
            throw new IllegalArgumentException("skinType must be 1..6, was " + skinType);
        }
    }

    /** @return {@value #LIGHTER} for skin types I-III, {@value #DARKER} for IV-VI */
    public String skinTone() {
        return skinType <= 3 ? LIGHTER : DARKER;
    }

    /** @return {@code 18-30}, {@code 31-50} or {@code 51+} */
    public String ageBand() {
        return age <= 30 ? "18-30" : age <= 50 ? "31-50" : "51+";
    }

    /** @return the manifest's {@code label:} columns: sex, age, smile, eyeglasses, keyed by attribute name */
    public Map<String, String> labels() {
        return Map.of(
                Attribute.SEX.name(), sex,
                Attribute.AGE.name(), Integer.toString(age),
                Attribute.SMILE.name(), smile ? Attribute.TRUE : Attribute.FALSE,
                Attribute.EYEGLASSES.name(), eyeglasses ? Attribute.TRUE : Attribute.FALSE);
    }

    /** @return the manifest's {@code group:} columns: sex, skin_tone, age_band */
    public Map<String, String> groups() {
        return Map.of(SEX_GROUP, sex, SKIN_TONE_GROUP, skinTone(), AGE_BAND_GROUP, ageBand());
    }
}
