package org.touchstone.training;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS minimisation of a smooth convex function, for a fixed number of iterations so the
 * result is exactly reproducible. Hand-written (about fifty lines) because the only Java optimisers
 * available are in unmaintained or heavyweight libraries, and a training tool should not pull one in.
 */
final class Lbfgs {
    /** A differentiable objective. */
    interface Objective {
        /**
         * @param x        the point
         * @param gradient filled with the gradient at x
         * @return the value at x
         */
        double evaluate(double[] x, double[] gradient);
    }

    private Lbfgs() {
    }

    /**
     * @param f          the objective
     * @param x          the start; overwritten with the minimiser found
     * @param iterations how many iterations to run
     * @param memory     how many correction pairs to keep
     */
    static void minimise(Objective f, double[] x, int iterations, int memory) {
        int n = x.length;
        double[] g = new double[n];
        double value = f.evaluate(x, g);
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int it = 0; it < iterations; it++) {
            twoLoop(g, pairs, direction);
            double slope = dot(direction, g);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                pairs.clear();
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            if (slope == 0) {
                return;
            }
            double step = 1;
            double newValue;
            while (true) { // backtracking line search (Armijo)
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                newValue = f.evaluate(xNew, gNew);
                if (newValue <= value + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            value = newValue;
        }
    }

    private static void twoLoop(double[] g, Deque<double[][]> pairs, double[] direction) {
        int n = g.length;
        double[] q = g.clone();
        double[] alpha = new double[pairs.size()];
        double[][][] list = pairs.toArray(new double[0][][]);
        for (int k = list.length - 1; k >= 0; k--) {
            double rho = 1 / dot(list[k][1], list[k][0]);
            alpha[k] = rho * dot(list[k][0], q);
            for (int i = 0; i < n; i++) {
                q[i] -= alpha[k] * list[k][1][i];
            }
        }
        double gamma = list.length == 0 ? 1 : dot(list[list.length - 1][0], list[list.length - 1][1])
                / dot(list[list.length - 1][1], list[list.length - 1][1]);
        for (int i = 0; i < n; i++) {
            q[i] *= gamma;
        }
        for (int k = 0; k < list.length; k++) {
            double rho = 1 / dot(list[k][1], list[k][0]);
            double beta = rho * dot(list[k][1], q);
            for (int i = 0; i < n; i++) {
                q[i] += list[k][0][i] * (alpha[k] - beta);
            }
        }
        for (int i = 0; i < n; i++) {
            direction[i] = -q[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
