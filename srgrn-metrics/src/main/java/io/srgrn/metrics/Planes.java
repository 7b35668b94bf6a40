package io.srgrn.metrics;

import io.srgrn.data.image.ByteImage;

/** Shape checks shared by the metrics, with messages that say what did not match. */
final class Planes {

    private Planes() {}

    static void checkPair(double[] a, double[] b, int height, int width, int shave, int minSide) {
        long n = (long) height * width;
        if (a.length != n || b.length != n) {
            throw new IllegalArgumentException(
                    "planes must hold "
                            + height
                            + "x"
                            + width
                            + " = "
                            + n
                            + " samples, got "
                            + a.length
                            + " and "
                            + b.length);
        }
        checkShave(height, width, shave, minSide);
    }

    static void checkShave(int height, int width, int shave, int minSide) {
        if (shave < 0) {
            throw new IllegalArgumentException("border shave must be >= 0, got " + shave);
        }
        if (height - 2 * shave < minSide || width - 2 * shave < minSide) {
            throw new IllegalArgumentException(
                    "a "
                            + height
                            + "x"
                            + width
                            + " image with "
                            + shave
                            + " pixels shaved from each border leaves less than "
                            + minSide
                            + "x"
                            + minSide
                            + " pixels");
        }
    }

    static void checkSameShape(ByteImage a, ByteImage b) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException(
                    "image shapes differ: " + shape(a) + " vs " + shape(b));
        }
    }

    static String shape(ByteImage i) {
        return i.channels() + "x" + i.height() + "x" + i.width() + " (channels x height x width)";
    }
}
