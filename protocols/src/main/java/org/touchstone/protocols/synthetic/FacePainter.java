package org.touchstone.protocols.synthetic;

import static org.touchstone.protocols.synthetic.Identity.blend;
import static org.touchstone.protocols.synthetic.Identity.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.touchstone.protocols.synthetic.Identity.HairStyle;

/**
 * Draws one schematic face with Java2D: the person's features in the pose and expression of the
 * capture. Photometric nuisance (light, blur, noise) is applied afterwards by {@link PhotoEffects}.
 *
 * <p>Works in face units (see {@link Identity}); one unit is {@value #HEAD_SCALE} image widths at
 * nominal scale.
 */
final class FacePainter {
    /** The face centre sits this far below the image centre, leaving room for hair. */
    private static final double FACE_DROP = 0.03;
    /** Image widths per face unit at nominal scale: a tight, ID-style crop that cuts into hair and chin. */
    private static final double HEAD_SCALE = 1.15;
    /** Texels across a texture tile; the skin's tile spans the face's bounding box. */
    private static final int TEXTURE_SIZE = 48;
    /** How far each feature moves sideways at yaw 1; nearer features (nose) move more. */
    private static final double EYE_YAW = 0.025;
    private static final double NOSE_YAW = 0.045;
    private static final double MOUTH_YAW = 0.03;
    /** Texture streams drawn from the person's texture seed, one per use. */
    private static final long MARKS_LAYER = 0;
    private static final long WRINKLE_LAYER = 1;
    private static final long BACK_HAIR_LAYER = 2;
    private static final long FRONT_HAIR_LAYER = 3;
    private static final long SKIN_LAYER = 4;
    /** Texture streams drawn from the image's texture seed. */
    private static final long BACKDROP_LAYER = 0;
    private static final long CLOTHING_LAYER = 1;

    private static final Color SCLERA = new Color(236, 232, 226);
    private static final Color LASH = new Color(28, 22, 22);
    private static final Color PUPIL = new Color(12, 10, 10);
    private static final Color TEETH = new Color(232, 226, 212);
    private static final Color MOUTH_INSIDE = new Color(70, 28, 30);

    private final Graphics2D g;
    private final Identity p;
    private final Capture c;
    private final Identity.FaceShape face;
    private final double eyeY;
    private final double noseTipY;
    private final double mouthY;
    private final double browY;
    private final double hairlineY;

    private FacePainter(Graphics2D g, Identity person, Capture capture) {
        this.g = g;
        this.p = person;
        this.c = capture;
        this.face = person.face();
        this.eyeY = person.eyes().y();
        this.noseTipY = eyeY + person.nose().length();
        this.mouthY = noseTipY + person.mouth().gap();
        this.browY = eyeY - person.brows().gap() - capture.browRaise();
        this.hairlineY = -face.halfHeight() + person.hair().hairlineDepth();
    }

    /**
     * Paints the whole frame.
     *
     * @param g       graphics of a {@code size x size} image; its transform and hints are changed
     * @param person  who is shown
     * @param capture how they are shown
     * @param size    image width and height in pixels
     */
    static void paint(Graphics2D g, Identity person, Capture capture, int size) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);

        Color bg = capture.background();
        g.setPaint(new GradientPaint(0, 0, scale(bg, 1.08), 0, size, scale(bg, 0.9)));
        g.fillRect(0, 0, size, size);
        // Walls and backdrops are never perfectly flat; a tile of the image's own texture covers them.
        SeededRandom texture = SeededRandom.forKeys(capture.textureSeed(), BACKDROP_LAYER);
        g.setPaint(new TexturePaint(noiseTexture(texture, bg, 24, 6), new Rectangle2D.Double(0, 0, size, size)));
        g.fillRect(0, 0, size, size);

        g.translate(size / 2.0 + capture.shiftX() * size, size / 2.0 + capture.shiftY() * size);
        g.rotate(capture.roll());
        double unit = size * capture.scale() * HEAD_SCALE;
        g.scale(unit, unit);
        g.translate(0, FACE_DROP);
        new FacePainter(g, person, capture).paintHead();
    }

    private void paintHead() {
        paintShoulders();
        paintBackHair();
        paintNeckAndEars();
        paintFace();
        paintMarks();
        paintWrinkles();
        paintEyes();
        paintBrows();
        paintNose();
        paintMouth();
        paintFrontHair();
        if (c.eyeglasses()) {
            paintGlasses();
        }
    }

    // ---- body and outline ----

    private void paintShoulders() {
        Ellipse2D shoulders = new Ellipse2D.Double(-0.62, face.halfHeight() + 0.1, 1.24, 0.5);
        g.setColor(c.clothing());
        g.fill(shoulders);
        SeededRandom fabric = SeededRandom.forKeys(c.textureSeed(), CLOTHING_LAYER);
        g.setPaint(new TexturePaint(noiseTexture(fabric, c.clothing(), 30, 2), shoulders.getBounds2D()));
        g.fill(shoulders);
    }

    private void paintNeckAndEars() {
        double a = face.halfWidth();
        g.setColor(scale(p.skin(), 0.8));
        g.fill(new Rectangle2D.Double(-a * 0.52, 0.05, a * 1.04, face.halfHeight() + 0.3));
        double earW = 0.034 * face.earSize();
        double earH = 0.065 * face.earSize();
        for (int side = -1; side <= 1; side += 2) {
            double x = side * (a * 0.97);
            double y = eyeY + 0.04;
            g.setColor(scale(p.skin(), 0.93));
            g.fill(new Ellipse2D.Double(x - earW, y - earH, 2 * earW, 2 * earH));
            g.setColor(scale(p.skin(), 0.72));
            g.setStroke(stroke(0.005));
            g.draw(new QuadCurve2D.Double(x + side * earW * 0.3, y - earH * 0.6, x + side * earW * 1.1, y,
                    x + side * earW * 0.2, y + earH * 0.6));
        }
    }

    /** The face outline: upper half an ellipse, lower half a superellipse tapered towards the chin. */
    private Shape faceOutline() {
        double a = face.halfWidth();
        double b = face.halfHeight();
        double n = face.jawExponent();
        Path2D.Double path = new Path2D.Double();
        int steps = 72;
        for (int i = 0; i < steps; i++) {
            double t = 2 * Math.PI * i / steps;
            double cos = StrictMath.cos(t);
            double sin = StrictMath.sin(t);
            double x;
            double y;
            if (sin <= 0) {
                x = a * cos;
                y = b * sin;
            } else {
                x = a * Math.signum(cos) * StrictMath.pow(Math.abs(cos), 2 / n);
                y = b * StrictMath.pow(sin, 2 / n);
                x *= 1 - face.chinTaper() * (y / b) * (y / b);
            }
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private void paintFace() {
        Color skin = p.skin();
        Area bareSkin = new Area(faceOutline());
        if (p.hair().style() == HairStyle.BALD || p.hair().style() == HairStyle.RECEDING) {
            g.setPaint(shading(0, -face.halfHeight() * 0.6, face.halfWidth() * 1.3, skin, 1.06, 0.8));
            g.fill(cranium());
            bareSkin.add(new Area(cranium()));
        }
        g.setPaint(shading(0, -0.04, face.halfHeight() * 1.15, skin, 1.06, 0.8));
        g.fill(faceOutline());
        // Skin is not flat: pores, blotches and uneven tone form a texture that is the person's own.
        // It moves with the face, and it gives texture descriptors such as LBP something stable to see.
        Rectangle2D anchor = new Rectangle2D.Double(-face.halfWidth(), -face.halfHeight(), 2 * face.halfWidth(),
                2 * face.halfHeight());
        SeededRandom texture = SeededRandom.forKeys(p.marks().textureSeed(), SKIN_LAYER);
        g.setPaint(new TexturePaint(noiseTexture(texture, skin, 45, 3), anchor));
        g.fill(bareSkin);
    }

    /**
     * Two octaves of value noise as translucent lighter and darker versions of a base colour. The offsets
     * are the same number of levels for every base colour, so no skin tone gets a weaker texture.
     *
     * @param r       the texture's random stream
     * @param base    the colour textured
     * @param offset  levels added to (or taken from) each channel at full strength
     * @param spacing texels between coarse lattice points
     */
    private static BufferedImage noiseTexture(SeededRandom r, Color base, int offset, int spacing) {
        int size = TEXTURE_SIZE;
        float[] coarse = latticeNoise(r, size, spacing);
        float[] fine = latticeNoise(r, size, Math.max(1, spacing / 2));
        int light = Identity.rgb(base.getRed() + offset, base.getGreen() + offset, base.getBlue() + offset)
                .getRGB() & 0xFFFFFF;
        int dark = Identity.rgb(base.getRed() - offset, base.getGreen() - offset, base.getBlue() - offset)
                .getRGB() & 0xFFFFFF;
        BufferedImage texture = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        int[] argb = ((DataBufferInt) texture.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < argb.length; i++) {
            double v = (coarse[i] + 0.5 * fine[i]) / 1.5;
            int alpha = Identity.channel(Math.abs(v) * 0.4 * 255);
            argb[i] = (alpha << 24) | (v >= 0 ? light : dark);
        }
        return texture;
    }

    /** Values in [-1, 1] on a lattice every {@code spacing} texels, bilinearly interpolated, wrapping. */
    private static float[] latticeNoise(SeededRandom r, int size, int spacing) {
        int cells = size / spacing;
        double[] lattice = new double[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = r.uniform(-1, 1);
        }
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            int y0 = y / spacing;
            double fy = (y % spacing) / (double) spacing;
            for (int x = 0; x < size; x++) {
                int x0 = x / spacing;
                double fx = (x % spacing) / (double) spacing;
                double top = lerp(lattice[y0 * cells + x0], lattice[y0 * cells + (x0 + 1) % cells], fx);
                double bottom = lerp(lattice[((y0 + 1) % cells) * cells + x0],
                        lattice[((y0 + 1) % cells) * cells + (x0 + 1) % cells], fx);
                out[y * size + x] = (float) lerp(top, bottom, fy);
            }
        }
        return out;
    }

    private static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }

    /** Light at (x, y) falling off to shadow at the radius: the look of a rounded surface. */
    private static RadialGradientPaint shading(double x, double y, double radius, Color base, double highlight,
                                               double shadow) {
        return new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 0.55f, 1f},
                new Color[] {scale(base, highlight), base, scale(base, shadow)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE);
    }

    // ---- skin detail ----

    private void paintMarks() {
        Identity.Marks marks = p.marks();
        SeededRandom r = SeededRandom.forKeys(marks.textureSeed(), MARKS_LAYER);
        double a = face.halfWidth();
        g.setColor(scale(p.skin(), 0.5));
        for (int i = 0; i < marks.moles(); i++) {
            double x = r.uniform(-a * 0.75, a * 0.75);
            double y = r.uniform(eyeY + 0.05, mouthY + 0.06);
            g.fill(circle(x, y, r.uniform(0.005, 0.009)));
        }
        if (marks.freckles()) {
            g.setColor(withAlpha(blend(scale(p.skin(), 0.75), new Color(150, 80, 50), 0.3), 150));
            int count = 25 + r.nextInt(20);
            for (int i = 0; i < count; i++) {
                double x = r.uniform(-a * 0.7, a * 0.7);
                double y = r.uniform(eyeY + 0.035, noseTipY + 0.01);
                g.fill(circle(x, y, r.uniform(0.0035, 0.0055)));
            }
        }
    }

    private void paintWrinkles() {
        double w = p.marks().wrinkles();
        Color line = scale(p.skin(), 0.68);
        SeededRandom r = SeededRandom.forKeys(p.marks().textureSeed(), WRINKLE_LAYER);
        double a = face.halfWidth();
        // Forehead lines appear one by one with age, and only where the forehead is not under hair.
        int foreheadLines = (int) Math.round(w * 4);
        g.setStroke(stroke(0.0035));
        g.setColor(withAlpha(line, (int) (60 + 110 * w)));
        for (int i = 0; i < foreheadLines; i++) {
            double y = browY - 0.04 - i * 0.022;
            if (y < hairlineY + 0.015) {
                break;
            }
            double half = a * r.uniform(0.35, 0.55);
            g.draw(new QuadCurve2D.Double(-half, y + 0.004, r.uniform(-0.03, 0.03), y - r.uniform(0.0, 0.01),
                    half, y + 0.004));
        }
        double nasolabial = 0.15 + 0.4 * w + (c.smile() ? 0.3 * c.smileStrength() : 0);
        g.setColor(withAlpha(line, (int) (255 * Math.min(1, nasolabial))));
        g.setStroke(stroke(0.005));
        double mouthHalf = mouthHalfWidth();
        for (int side = -1; side <= 1; side += 2) {
            double noseX = side * p.nose().width() * 0.62 + c.yaw() * NOSE_YAW;
            double cornerX = side * (mouthHalf + 0.018) + c.yaw() * MOUTH_YAW;
            g.draw(new QuadCurve2D.Double(noseX, noseTipY - 0.015, cornerX + side * 0.012, (noseTipY + mouthY) / 2,
                    cornerX, mouthY + 0.015));
        }
        if (w > 0.2) {
            g.setColor(withAlpha(line, (int) (200 * w)));
            g.setStroke(stroke(0.003));
            for (int side = -1; side <= 1; side += 2) {
                double ex = side * p.eyes().halfSpacing() + c.yaw() * EYE_YAW;
                double outer = ex + side * p.eyes().width() * 0.6;
                for (int k = -1; k <= 1; k++) {
                    g.draw(new Line2D.Double(outer, eyeY + k * 0.008, outer + side * 0.024, eyeY + k * 0.016));
                }
                double ew = p.eyes().width() * 0.45;
                g.draw(new QuadCurve2D.Double(ex - ew, eyeY + 0.03, ex, eyeY + 0.05, ex + ew, eyeY + 0.03));
            }
        }
    }

    // ---- features ----

    private void paintEyes() {
        Identity.Eyes eyes = p.eyes();
        double halfW = eyes.width() / 2;
        double open = eyes.height() * c.eyeOpenness();
        for (int side = -1; side <= 1; side += 2) {
            double cx = side * eyes.halfSpacing() + c.yaw() * EYE_YAW;
            double innerX = cx - side * halfW;
            double outerX = cx + side * halfW;
            double innerY = eyeY + eyes.tilt() * halfW * 0.3;
            double outerY = eyeY - eyes.tilt() * halfW;
            QuadCurve2D upper = new QuadCurve2D.Double(innerX, innerY, cx, eyeY - open * 1.1, outerX, outerY);
            QuadCurve2D lower = new QuadCurve2D.Double(outerX, outerY, cx, eyeY + open * 0.8, innerX, innerY);
            Path2D.Double eye = new Path2D.Double();
            eye.append(upper, false);
            eye.append(lower, true);
            eye.closePath();

            g.setColor(scale(p.skin(), 0.8));
            g.setStroke(stroke(0.003));
            g.draw(new QuadCurve2D.Double(innerX, innerY - 0.008, cx, eyeY - open * 1.1 - 0.022, outerX,
                    outerY - 0.006));

            g.setColor(blend(SCLERA, p.skin(), 0.12));
            g.fill(eye);
            double radius = eyes.irisRadius();
            double irisX = cx + c.gazeX() * (halfW - radius);
            double irisY = eyeY - open * 0.1 + c.gazeY() * open * 0.3;
            Area visible = new Area(eye);
            Area iris = new Area(circle(irisX, irisY, radius));
            iris.intersect(visible);
            g.setColor(eyes.iris());
            g.fill(iris);
            Area pupil = new Area(circle(irisX, irisY, radius * 0.45));
            pupil.intersect(visible);
            g.setColor(PUPIL);
            g.fill(pupil);
            g.setColor(new Color(255, 255, 255, 210));
            g.fill(circle(irisX - radius * 0.35, irisY - radius * 0.35, radius * 0.22));

            g.setColor(LASH);
            g.setStroke(stroke(0.0055 * eyes.lashWeight()));
            g.draw(upper);
            g.setColor(scale(p.skin(), 0.65));
            g.setStroke(stroke(0.0025));
            g.draw(lower);
        }
    }

    private void paintBrows() {
        Identity.Brows brows = p.brows();
        Identity.Eyes eyes = p.eyes();
        g.setColor(brows.colour());
        for (int side = -1; side <= 1; side += 2) {
            double cx = side * eyes.halfSpacing() + c.yaw() * EYE_YAW;
            double innerX = cx - side * brows.length() * 0.45;
            double outerX = cx + side * brows.length() * 0.55;
            double outerY = browY - brows.tilt();
            QuadCurve2D curve = new QuadCurve2D.Double(innerX, browY, cx + side * brows.length() * 0.1,
                    browY - 2 * brows.arch(), outerX, outerY);
            // Thick towards the nose, thin at the tail, as real brows are.
            g.setStroke(new BasicStroke((float) brows.thickness(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve);
            g.setStroke(new BasicStroke((float) (brows.thickness() * 1.35), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(innerX, browY, innerX + side * brows.length() * 0.25,
                    browY - brows.arch() * 0.8));
        }
    }

    private void paintNose() {
        Identity.Nose nose = p.nose();
        double x = c.yaw() * NOSE_YAW;
        double w = nose.width();
        Color skin = p.skin();
        g.setStroke(stroke(0.006));
        g.setColor(withAlpha(scale(skin, 0.8), (int) (160 * nose.bridge())));
        double bridgeSide = StrictMath.cos(c.lightAngle()) >= 0 ? -1 : 1;
        g.draw(new QuadCurve2D.Double(bridgeSide * 0.022 + x * 0.5, eyeY + 0.01, bridgeSide * 0.03 + x * 0.8,
                (eyeY + noseTipY) / 2, bridgeSide * w * 0.32 + x, noseTipY - 0.025));
        g.setColor(withAlpha(scale(skin, 0.78), 150));
        g.fill(new Ellipse2D.Double(x - w * 0.3, noseTipY - 0.004, w * 0.6, 0.018));
        g.setColor(withAlpha(scale(skin, 1.12), 140));
        g.fill(new Ellipse2D.Double(x - w * 0.14, noseTipY - 0.03, w * 0.28, 0.02));
        g.setColor(scale(skin, 0.68));
        g.setStroke(stroke(0.0045));
        for (int side = -1; side <= 1; side += 2) {
            double wingX = x + side * w / 2;
            g.draw(new QuadCurve2D.Double(wingX - side * 0.004, noseTipY - 0.03, wingX + side * 0.006,
                    noseTipY + 0.004, wingX - side * w * 0.2, noseTipY + 0.01));
        }
        g.setColor(scale(skin, 0.42));
        for (int side = -1; side <= 1; side += 2) {
            double nx = x + side * w * 0.22;
            g.fill(new Ellipse2D.Double(nx - 0.011, noseTipY - 0.001, 0.022, 0.011));
        }
    }

    private double mouthHalfWidth() {
        return p.mouth().width() / 2 * (c.smile() ? 1 + 0.15 * c.smileStrength() : 1);
    }

    private void paintMouth() {
        Identity.Mouth mouth = p.mouth();
        double s = c.smile() ? c.smileStrength() : 0;
        double cx = c.yaw() * MOUTH_YAW;
        double half = mouthHalfWidth();
        double lift = mouth.restingLift() + (c.smile() ? 0.008 + 0.018 * s : 0);
        double cornerY = mouthY - lift;
        double open = c.smile() ? 0.006 + 0.016 * s : 0;
        double lx = cx - half;
        double rx = cx + half;
        double up = mouth.upperLip();

        Path2D.Double upperInner = throughMiddle(lx, cornerY, cx, mouthY, rx, cornerY);
        Path2D.Double lowerInner = throughMiddle(rx, cornerY, cx, mouthY + open, lx, cornerY);

        Path2D.Double upperLip = new Path2D.Double();
        upperLip.moveTo(lx, cornerY);
        upperLip.quadTo(cx - half * 0.55, mouthY - up * 0.9, cx - half * 0.18, mouthY - up * 1.05);
        upperLip.quadTo(cx - half * 0.06, mouthY - up * 1.05, cx, mouthY - up * 0.78);
        upperLip.quadTo(cx + half * 0.06, mouthY - up * 1.05, cx + half * 0.18, mouthY - up * 1.05);
        upperLip.quadTo(cx + half * 0.55, mouthY - up * 0.9, rx, cornerY);
        appendReversed(upperLip, upperInner);
        upperLip.closePath();

        Path2D.Double lowerLip = new Path2D.Double();
        lowerLip.append(lowerInner, false);
        lowerLip.append(throughMiddle(lx, cornerY, cx, mouthY + open + mouth.lowerLip() * 1.6, rx, cornerY), true);
        lowerLip.closePath();

        if (open > 0) {
            Path2D.Double gap = new Path2D.Double();
            gap.append(upperInner, false);
            gap.append(lowerInner, true);
            gap.closePath();
            g.setColor(MOUTH_INSIDE);
            g.fill(gap);
            Area teeth = new Area(gap);
            teeth.intersect(new Area(
                    new Rectangle2D.Double(cx - half * 0.8, mouthY - 0.05, half * 1.6, 0.05 + open * 0.7)));
            g.setColor(TEETH);
            g.fill(teeth);
        }
        g.setColor(mouth.lip());
        g.fill(upperLip);
        g.setColor(scale(mouth.lip(), 1.08));
        g.fill(lowerLip);
        g.setColor(scale(mouth.lip(), 0.55));
        g.setStroke(stroke(0.004));
        g.draw(upperInner);
        if (open > 0) {
            g.draw(lowerInner);
        }
    }

    /** A quadratic curve from (x0, y0) to (x2, y2) whose midpoint is (xm, ym). */
    private static Path2D.Double throughMiddle(double x0, double y0, double xm, double ym, double x2, double y2) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x0, y0);
        path.quadTo(2 * xm - (x0 + x2) / 2, 2 * ym - (y0 + y2) / 2, x2, y2);
        return path;
    }

    /** Appends a single quadratic curve path (as made by {@link #throughMiddle}) backwards. */
    private static void appendReversed(Path2D.Double target, Path2D.Double quad) {
        double[] coords = new double[6];
        var it = quad.getPathIterator(null);
        it.currentSegment(coords);
        double x0 = coords[0];
        double y0 = coords[1];
        it.next();
        it.currentSegment(coords);
        target.quadTo(coords[0], coords[1], x0, y0);
    }

    // ---- hair ----

    private Ellipse2D cranium() {
        double a = face.halfWidth() * 1.07 + p.hair().volume() * 0.3;
        double top = -face.halfHeight() * 1.1 - p.hair().volume();
        double bottom = eyeY + 0.06;
        return new Ellipse2D.Double(-a, top, 2 * a, 2 * (bottom - top));
    }

    private void paintBackHair() {
        Identity.Hair hair = p.hair();
        double a = face.halfWidth();
        double b = face.halfHeight();
        Area back = new Area();
        switch (hair.style()) {
            case LONG -> {
                back.add(new Area(cranium()));
                back.add(new Area(new RoundRectangle2D.Double(-a * 1.22, -b * 0.6, a * 2.44, b * 1.9, 0.16, 0.16)));
            }
            case CURLY -> back.add(new Area(new Ellipse2D.Double(-a * 1.42, -b * 1.32 - hair.volume(), a * 2.84,
                    b * 2.25 + hair.volume())));
            case BUN -> back.add(new Area(circle(0, -b * 1.12 - hair.volume(), 0.085)));
            default -> {
                return;
            }
        }
        fillHair(back, hair.style() == HairStyle.CURLY, BACK_HAIR_LAYER);
    }

    private void paintFrontHair() {
        Identity.Hair hair = p.hair();
        double a = face.halfWidth();
        Area cap = new Area(cranium());
        if (hair.style() == HairStyle.BALD) {
            // Only a fringe of hair above and behind the ears remains.
            Area sides = new Area(new Rectangle2D.Double(-a * 1.5, hairlineY + 0.09, a * 0.6, 0.3));
            sides.add(new Area(new Rectangle2D.Double(a * 0.9, hairlineY + 0.09, a * 0.6, 0.3)));
            cap.intersect(sides);
        } else {
            cap.intersect(new Area(aboveHairline()));
        }
        fillHair(cap, hair.style() == HairStyle.CURLY, FRONT_HAIR_LAYER);
        if (!hair.fringe() && (hair.style() == HairStyle.SHORT || hair.style() == HairStyle.LONG)) {
            g.setColor(scale(hair.colour(), 0.6));
            g.setStroke(stroke(0.004));
            g.draw(new Line2D.Double(hair.partX(), hairlineY + 0.002, hair.partX() * 1.3, cranium().getMinY() + 0.05));
        }
    }

    /** The region above the hairline, which comes down at the temples to the top of the ears. */
    private Shape aboveHairline() {
        Identity.Hair hair = p.hair();
        double a = face.halfWidth();
        double temple = eyeY - 0.02;
        boolean receding = hair.style() == HairStyle.RECEDING;
        Path2D.Double region = new Path2D.Double();
        region.moveTo(-a * 1.6, -1);
        int steps = 40;
        for (int i = 0; i <= steps; i++) {
            double x = -a * 1.6 + 3.2 * a * i / steps;
            double u = Math.min(1, Math.abs(x) / a);
            double y = hairlineY + (temple - hairlineY) * StrictMath.pow(u, 4);
            if (receding) {
                double d = (Math.abs(x) - a * 0.55) / (a * 0.2);
                y -= 0.06 * StrictMath.exp(-d * d) + 0.02;
            } else if (hair.fringe() && u < 0.85) {
                y = Math.max(y, browY - 0.03 - 0.008 * StrictMath.cos(x * 90));
            } else if (hair.widowsPeak()) {
                y += 0.02 * Math.max(0, 1 - Math.abs(x) / 0.05);
            }
            region.lineTo(x, y);
        }
        region.lineTo(a * 1.6, -1);
        region.closePath();
        return region;
    }

    /**
     * Fills a hair region with shaded colour and the person's own strand (or curl) texture; the layer
     * picks the texture stream, so front and back hair differ but each is the same in every image.
     */
    private void fillHair(Area region, boolean curls, long layer) {
        Color colour = p.hair().colour();
        Rectangle2D bounds = region.getBounds2D();
        g.setPaint(shading(p.hair().partX() * 0.5, bounds.getMinY() + 0.06, Math.max(0.05, bounds.getHeight()),
                colour, 1.35, 0.7));
        g.fill(region);

        Shape oldClip = g.getClip();
        g.clip(region);
        SeededRandom r = SeededRandom.forKeys(p.marks().textureSeed(), layer);
        Color light = withAlpha(scale(colour, 1.45), 110);
        Color dark = withAlpha(scale(colour, 0.6), 120);
        double crownX = p.hair().partX();
        double crownY = cranium().getMinY() + 0.02;
        int count = (int) (bounds.getWidth() * bounds.getHeight() * (curls ? 900 : 2200));
        for (int i = 0; i < count; i++) {
            double x = r.uniform(bounds.getMinX(), bounds.getMaxX());
            double y = r.uniform(bounds.getMinY(), bounds.getMaxY());
            g.setColor(r.chance(0.5) ? light : dark);
            if (curls) {
                double radius = r.uniform(0.01, 0.02);
                g.setStroke(stroke(0.004));
                g.draw(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
            } else {
                // Strands run away from the crown, bending a little.
                double dx = x - crownX;
                double dy = y - crownY;
                double len = Math.max(1e-6, StrictMath.hypot(dx, dy));
                double step = r.uniform(0.03, 0.07);
                double bend = r.uniform(-0.015, 0.015);
                g.setStroke(stroke(0.0035));
                g.draw(new QuadCurve2D.Double(x, y, x + dx / len * step / 2 - dy / len * bend,
                        y + dy / len * step / 2 + dx / len * bend, x + dx / len * step, y + dy / len * step));
            }
        }
        g.setClip(oldClip);
    }

    // ---- accessories ----

    private void paintGlasses() {
        Identity.Glasses glasses = p.glasses();
        Identity.Eyes eyes = p.eyes();
        double halfW = eyes.width() * 0.78 * glasses.lensScale();
        double halfH = Math.max(eyes.height() * 1.5, 0.045) * glasses.lensScale();
        double y = eyeY + 0.004;
        g.setStroke(stroke(glasses.thickness()));
        double innerEdge = 0;
        for (int side = -1; side <= 1; side += 2) {
            double cx = side * eyes.halfSpacing() + c.yaw() * EYE_YAW;
            Shape lens = lensShape(glasses.shape(), cx, y, halfW, halfH, side);
            g.setColor(new Color(255, 255, 255, 28));
            g.fill(lens);
            Area glare = new Area(new Rectangle2D.Double(cx - 0.005, y - halfH * 2, 0.012, halfH * 4));
            glare.transform(AffineTransform.getRotateInstance(c.glareAngle(), cx, y));
            glare.intersect(new Area(lens));
            g.setColor(new Color(255, 255, 255, 70));
            g.fill(glare);
            g.setColor(glasses.frame());
            g.draw(lens);
            g.draw(new Line2D.Double(cx + side * halfW, y - halfH * 0.5, side * face.halfWidth() * 1.02,
                    y - halfH * 0.3));
            innerEdge = Math.abs(cx - side * halfW);
        }
        double shift = c.yaw() * EYE_YAW;
        g.draw(new QuadCurve2D.Double(shift - innerEdge, y - halfH * 0.35, shift, y - halfH * 0.75,
                shift + innerEdge, y - halfH * 0.35));
    }

    private static Shape lensShape(int shape, double cx, double cy, double halfW, double halfH, int side) {
        switch (shape) {
            case 0:
                return new Ellipse2D.Double(cx - halfW, cy - halfH, 2 * halfW, 2 * halfH);
            case 1:
                return new RoundRectangle2D.Double(cx - halfW, cy - halfH * 0.85, 2 * halfW, 1.7 * halfH,
                        halfW * 0.5, halfH * 0.5);
            default:
                // Upswept: the outer top corner rises.
                Path2D.Double lens = new Path2D.Double();
                double outer = cx + side * halfW;
                double inner = cx - side * halfW;
                lens.moveTo(inner, cy - halfH * 0.6);
                lens.quadTo(cx, cy - halfH * 1.05, outer, cy - halfH * 1.1);
                lens.quadTo(outer + side * halfW * 0.1, cy + halfH * 0.2, cx + side * halfW * 0.4, cy + halfH * 0.85);
                lens.quadTo(inner, cy + halfH * 0.9, inner, cy - halfH * 0.6);
                lens.closePath();
                return lens;
        }
    }

    // ---- helpers ----

    private static Ellipse2D circle(double x, double y, double radius) {
        return new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    private static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, alpha)));
    }
}
