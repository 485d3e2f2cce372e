package org.touchstone.protocols.synthetic;

import java.awt.Color;

/**
 * Everything about one synthetic person that stays the same across their images. Drawn from the seed
 * and the subject index alone, so any subject can be made on its own, in any order.
 *
 * <p>Lengths are in face units: the origin is the face centre, y points down, and one unit is about
 * the image width (exactly {@code FacePainter.HEAD_SCALE} widths at nominal scale).
 */
record Identity(
        boolean female, int age, double skinTone, int skinType, Color skin,
        FaceShape face, Eyes eyes, Brows brows, Nose nose, Mouth mouth, Hair hair,
        Marks marks, double smileRate, Glasses glasses) {

    /** Outline of the face: upper half an ellipse, lower half a superellipse whose exponent squares the jaw. */
    record FaceShape(double halfWidth, double halfHeight, double jawExponent, double chinTaper, double earSize) {
    }

    /** Eye centres at (+-halfSpacing, y); tilt raises the outer corners. */
    record Eyes(double halfSpacing, double y, double width, double height, double tilt, double irisRadius,
                Color iris, double lashWeight) {
    }

    /** Eyebrows: gap above the eye centre, stroke thickness, arch height, length, outward tilt. */
    record Brows(double gap, double thickness, double arch, double length, double tilt, Color colour) {
    }

    /** Nose: tip height below the eye line, nostril spread, bridge shading strength. */
    record Nose(double length, double width, double bridge) {
    }

    /** Mouth: width, height below the nose tip, lip thicknesses, resting corner lift, lip colour. */
    record Mouth(double width, double gap, double upperLip, double lowerLip, double restingLift, Color lip) {
    }

    /** Hair styles, with different cover of forehead, temples and shoulders. */
    enum HairStyle { SHORT, LONG, CURLY, BUN, RECEDING, BALD }

    /**
     * Hair: colour, style, hairline depth below the top of the face, side part position, fringe, volume
     * and widow's peak. Its strands are laid out from {@link Marks#textureSeed()}.
     */
    record Hair(Color colour, HairStyle style, double hairlineDepth, double partX, boolean fringe,
                double volume, boolean widowsPeak) {
    }

    /** Identity-stable skin marks: moles and freckles, laid out from {@code textureSeed}. */
    record Marks(long textureSeed, int moles, boolean freckles, double wrinkles) {
    }

    /** Whether and how this person wears glasses; shape 0 round, 1 rectangular, 2 upswept. */
    record Glasses(boolean wearer, int shape, Color frame, double thickness, double lensScale) {
    }

    static final long IDENTITY_STREAM = 1;
    static final long TEXTURE_STREAM = 2;

    private static final Color[] HAIR_COLOURS = {
        new Color(22, 19, 18), new Color(52, 36, 27), new Color(92, 62, 40),
        new Color(142, 104, 68), new Color(196, 164, 108), new Color(140, 64, 32)};
    private static final Color[] IRIS_COLOURS = {
        new Color(52, 34, 22), new Color(96, 62, 34), new Color(118, 96, 52),
        new Color(78, 106, 68), new Color(74, 112, 150), new Color(108, 118, 128)};
    // Skin anchors from very fair to very dark; tone t in [0,1] interpolates between them.
    private static final int[][] SKIN_ANCHORS = {
        {214, 184, 162}, {208, 170, 140}, {198, 150, 114}, {176, 120, 82}, {132, 86, 56}, {84, 54, 38}};

    /**
     * @param seed         the dataset seed
     * @param subjectIndex 0-based subject index
     * @return the person
     */
    static Identity draw(long seed, int subjectIndex) {
        SeededRandom r = SeededRandom.forKeys(seed, IDENTITY_STREAM, subjectIndex);
        boolean female = r.chance(0.5);
        int ageBand = r.nextInt(3);
        int age = switch (ageBand) {
            case 0 -> 18 + r.nextInt(13);
            case 1 -> 31 + r.nextInt(20);
            default -> 51 + r.nextInt(30);
        };
        double tone = r.nextDouble();
        int skinType = 1 + Math.min(5, (int) (tone * 6));
        Color skin = skinColour(tone, r.gaussian(0, 0.04, -0.1, 0.1));
        double oldness = clamp((age - 30) / 50.0, 0, 1);

        FaceShape face = new FaceShape(
                r.gaussian(female ? 0.268 : 0.288, 0.014, 0.235, 0.32),
                r.gaussian(female ? 0.360 : 0.378, 0.014, 0.33, 0.41),
                r.gaussian(female ? 2.05 : 2.6, 0.25, 1.6, 3.3),
                r.uniform(0.0, 0.25),
                r.uniform(0.8, 1.2));
        Eyes eyes = new Eyes(
                r.gaussian(0.118, 0.009, 0.095, 0.14),
                r.gaussian(-0.035, 0.015, -0.07, 0.0),
                r.gaussian(0.09, 0.008, 0.07, 0.11),
                r.gaussian(female ? 0.040 : 0.036, 0.004, 0.028, 0.05),
                r.gaussian(0, 0.07, -0.15, 0.15),
                r.uniform(0.016, 0.021),
                IRIS_COLOURS[r.weightedIndex(irisWeights(tone))],
                female ? r.uniform(1.1, 1.7) : r.uniform(0.8, 1.2));
        Color hairColour = hairColour(r, tone, age);
        Brows brows = new Brows(
                r.gaussian(female ? 0.058 : 0.050, 0.006, 0.038, 0.075),
                r.gaussian(female ? 0.012 : 0.018, 0.003, 0.007, 0.026),
                r.gaussian(female ? 0.016 : 0.009, 0.005, 0.0, 0.03),
                r.uniform(0.085, 0.115),
                r.gaussian(0, 0.012, -0.03, 0.03),
                browColour(hairColour, r));
        Nose nose = new Nose(
                r.gaussian(0.145, 0.012, 0.115, 0.175),
                r.gaussian(female ? 0.074 : 0.086, 0.008, 0.06, 0.11),
                r.uniform(0.3, 1.0));
        Mouth mouth = new Mouth(
                r.gaussian(0.165, 0.014, 0.13, 0.205),
                r.gaussian(0.075, 0.008, 0.06, 0.095),
                r.gaussian(female ? 0.017 : 0.013, 0.003, 0.008, 0.026),
                r.gaussian(female ? 0.022 : 0.018, 0.004, 0.01, 0.032),
                r.gaussian(0, 0.004, -0.01, 0.01),
                lipColour(skin, female, r));
        Hair hair = new Hair(hairColour, hairStyle(r, female, age),
                r.uniform(0.075, 0.14) + (female ? 0 : 0.03 * oldness),
                r.gaussian(0, 0.06, -0.15, 0.15),
                r.chance(female ? 0.3 : 0.1),
                r.uniform(0.03, 0.07),
                r.chance(0.2));
        Marks marks = new Marks(
                SeededRandom.hashKeys(seed, TEXTURE_STREAM, subjectIndex),
                r.weightedIndex(0.35, 0.3, 0.2, 0.15),
                tone < 0.4 && r.chance(0.3),
                clamp(oldness + r.gaussian(0, 0.12, -0.3, 0.3), 0, 1));
        double smileRate = r.uniform(0.2, 0.6);
        boolean wearer = r.chance(0.25);
        Glasses glasses = new Glasses(wearer, r.nextInt(3), frameColour(r), r.uniform(0.006, 0.015),
                r.uniform(0.9, 1.15));
        return new Identity(female, age, tone, skinType, skin, face, eyes, brows, nose, mouth, hair, marks,
                smileRate, glasses);
    }

    private static Color skinColour(double tone, double warmth) {
        double pos = tone * (SKIN_ANCHORS.length - 1);
        int i = Math.min(SKIN_ANCHORS.length - 2, (int) pos);
        double f = pos - i;
        double[] rgb = new double[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = SKIN_ANCHORS[i][c] * (1 - f) + SKIN_ANCHORS[i + 1][c] * f;
        }
        // Warmth shifts red against blue a little, so equal tones are not all one hue.
        return rgb(rgb[0] * (1 + warmth), rgb[1], rgb[2] * (1 - warmth));
    }

    private static double[] irisWeights(double tone) {
        double light = 1 - tone;
        return new double[] {0.3 + tone, 0.3 + 0.4 * tone, 0.15 * light, 0.15 * light, 0.3 * light * light,
            0.1 * light};
    }

    private static Color hairColour(SeededRandom r, double tone, int age) {
        double light = 1 - tone;
        Color base = HAIR_COLOURS[r.weightedIndex(0.3 + 1.2 * tone, 0.4 + 0.4 * tone, 0.35 * light,
                0.3 * light, 0.3 * light * light, 0.08 * light)];
        double grey = clamp((age - 42) / 35.0 + r.gaussian(0, 0.15, -0.4, 0.4), 0, 0.9);
        return blend(base, new Color(164, 162, 158), grey);
    }

    private static Color browColour(Color hair, SeededRandom r) {
        return scale(hair, r.uniform(0.6, 0.85));
    }

    private static Color lipColour(Color skin, boolean female, SeededRandom r) {
        double redness = female ? r.uniform(0.3, 0.5) : r.uniform(0.2, 0.35);
        Color lip = blend(skin, new Color(168, 62, 66), redness);
        return rgb(lip.getRed() * 0.9, lip.getGreen() * 0.85, lip.getBlue() * 0.85);
    }

    private static HairStyle hairStyle(SeededRandom r, boolean female, int age) {
        if (female) {
            return HairStyle.values()[r.weightedIndex(0.15, 0.55, 0.15, 0.15, 0, 0)];
        }
        double balding = clamp((age - 30) / 50.0, 0, 1);
        return HairStyle.values()[r.weightedIndex(0.6, 0.08, 0.12, 0, 0.35 * balding, 0.15 * balding)];
    }

    private static Color frameColour(SeededRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Color(20, 20, 22);
            case 1 -> new Color(92, 58, 34);
            case 2 -> new Color(150, 150, 156);
            default -> new Color(176, 144, 70);
        };
    }

    /** @return the person's labels for one image, given whether it smiles and shows eyeglasses */
    SyntheticLabels labels(boolean smile, boolean eyeglasses) {
        return new SyntheticLabels(female ? "female" : "male", age, skinType, smile, eyeglasses);
    }

    static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    static Color rgb(double red, double green, double blue) {
        return new Color(channel(red), channel(green), channel(blue));
    }

    static int channel(double v) {
        return (int) Math.round(clamp(v, 0, 255));
    }

    static Color blend(Color a, Color b, double f) {
        return rgb(a.getRed() + (b.getRed() - a.getRed()) * f, a.getGreen() + (b.getGreen() - a.getGreen()) * f,
                a.getBlue() + (b.getBlue() - a.getBlue()) * f);
    }

    static Color scale(Color c, double f) {
        return rgb(c.getRed() * f, c.getGreen() * f, c.getBlue() * f);
    }
}
