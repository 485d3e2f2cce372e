package org.touchstone.protocols.synthetic;

import java.awt.Color;

/**
 * How one image of a person was taken: expression, accessories, and the nuisance of pose, lighting and
 * camera. Drawn from (seed, subject, image) alone. Every nuisance strength is multiplied by the image's
 * difficulty multiplier; expression and eyeglasses are not.
 *
 * <p>Shifts are in image widths, angles in radians, blur and noise in pixels and 8-bit levels at 96x96.
 *
 * @param shiftX        horizontal offset of the face centre
 * @param shiftY        vertical offset of the face centre
 * @param roll          in-plane rotation
 * @param scale         face size relative to nominal
 * @param yaw           head turn, -1..1 nominal range; moves the inner features sideways
 * @param smile         whether the person smiles
 * @param smileStrength how broad the smile is, 0..1
 * @param browRaise     eyebrow lift in face units
 * @param gazeX         iris offset as a fraction of the free space in the eye
 * @param gazeY         iris offset as a fraction of the free space in the eye
 * @param eyeOpenness   eye opening relative to the person's, 1 = usual
 * @param eyeglasses    whether eyeglasses are worn
 * @param glareAngle    angle of the glare streak on the lenses
 * @param brightness    overall exposure factor
 * @param contrast      contrast factor about mid grey
 * @param lightAngle    direction the light comes from
 * @param lightGradient strength of the brightness gradient across the image, 0..
 * @param redGain       white balance gain of the red channel
 * @param blueGain      white balance gain of the blue channel
 * @param blurSigma     Gaussian blur standard deviation in pixels at 96x96
 * @param noiseSigma    sensor noise standard deviation in 8-bit levels
 * @param background    background colour
 * @param clothing      colour of the clothing at the bottom of the frame
 * @param textureSeed   seed of this image's background and clothing texture
 * @param noiseSeed     seed of this image's sensor noise
 */
record Capture(
        double shiftX, double shiftY, double roll, double scale, double yaw,
        boolean smile, double smileStrength, double browRaise, double gazeX, double gazeY, double eyeOpenness,
        boolean eyeglasses, double glareAngle,
        double brightness, double contrast, double lightAngle, double lightGradient, double redGain,
        double blueGain, double blurSigma, double noiseSigma,
        Color background, Color clothing, long textureSeed, long noiseSeed) {

    static final long CAPTURE_STREAM = 3;
    static final long NOISE_STREAM = 4;
    static final long TEXTURE_STREAM = 5;

    /**
     * @param seed         the dataset seed
     * @param subjectIndex 0-based subject
     * @param imageIndex   0-based image of that subject
     * @param person       the subject, for their smile and eyeglasses habits
     * @param difficulty   the multiplier of every nuisance strength, 1 = nominal
     * @return the capture
     */
    static Capture draw(long seed, int subjectIndex, int imageIndex, Identity person, double difficulty) {
        SeededRandom r = SeededRandom.forKeys(seed, CAPTURE_STREAM, subjectIndex, imageIndex);
        double m = difficulty;
        double shiftX = r.gaussian(0, 0.006 * m, -0.02 * m, 0.02 * m);
        double shiftY = r.gaussian(0, 0.006 * m, -0.02 * m, 0.02 * m);
        double roll = Math.toRadians(r.gaussian(0, 1.3 * m, -4.5 * m, 4.5 * m));
        double scale = StrictMath.exp(r.gaussian(0, 0.013 * m, -0.045 * m, 0.045 * m));
        double yaw = r.gaussian(0, 0.15 * m, -1, 1);

        boolean smile = r.chance(person.smileRate());
        double smileStrength = r.uniform(0.4, 1.0);
        double browRaise = r.gaussian(0, 0.004, -0.01, 0.01);
        double gazeX = r.gaussian(0, 0.2, -0.5, 0.5);
        double gazeY = r.gaussian(0, 0.1, -0.3, 0.3);
        double eyeOpenness = r.gaussian(1, 0.1, 0.6, 1.2) * (smile ? 0.85 : 1.0);
        boolean eyeglasses = r.chance(person.glasses().wearer() ? 0.8 : 0.03);
        double glareAngle = r.uniform(0, Math.PI);

        double brightness = r.gaussian(1, 0.045 * m, 1 - 0.15 * m, 1 + 0.15 * m);
        double contrast = r.gaussian(1, 0.04 * m, 1 - 0.13 * m, 1 + 0.13 * m);
        double lightAngle = r.uniform(0, 2 * Math.PI);
        double lightGradient = r.uniform(0, 0.06) * m;
        double redGain = r.gaussian(1, 0.018 * m, 1 - 0.06 * m, 1 + 0.06 * m);
        double blueGain = r.gaussian(1, 0.018 * m, 1 - 0.06 * m, 1 + 0.06 * m);
        double blurSigma = 0.3 + Math.abs(r.gaussian(0, 0.13 * m, -0.5 * m, 0.5 * m));
        double noiseSigma = 1.0 + r.uniform(0, 0.5) * m;

        Color background = backgroundColour(r);
        Color clothing = Identity.rgb(r.uniform(20, 230), r.uniform(20, 230), r.uniform(20, 230));
        long textureSeed = SeededRandom.hashKeys(seed, TEXTURE_STREAM, subjectIndex, imageIndex);
        long noiseSeed = SeededRandom.hashKeys(seed, NOISE_STREAM, subjectIndex, imageIndex);
        return new Capture(shiftX, shiftY, roll, scale, yaw, smile, smileStrength, browRaise, gazeX, gazeY,
                eyeOpenness, eyeglasses, glareAngle, brightness, contrast, lightAngle, lightGradient, redGain,
                blueGain, blurSigma, noiseSigma, background, clothing, textureSeed, noiseSeed);
    }

    private static Color backgroundColour(SeededRandom r) {
        // Muted mid-grey studio backdrops, a few tinted. Lighter ones sit at the luminance of fair skin
        // and light hair, which flips the polarity of the head's outline from one image to the next for
        // those subjects only: a hidden group differential, measured and removed by this range.
        double grey = r.uniform(90, 140);
        double tint = r.chance(0.2) ? 30 : 10;
        return Identity.rgb(grey + r.gaussian(0, tint, -60, 60), grey + r.gaussian(0, tint, -60, 60),
                grey + r.gaussian(0, tint, -60, 60));
    }
}
