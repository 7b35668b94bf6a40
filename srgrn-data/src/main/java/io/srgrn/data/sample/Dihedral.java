package io.srgrn.data.sample;

import io.srgrn.data.image.PlanarImage;

/**
 * The 8 symmetries of a square used for training augmentation (SPEC section 5) and the
 * self-ensemble (SPEC section 8): an optional horizontal flip, then 0-3 quarter turns
 * counter-clockwise ({@code numpy.rot90} / {@code torch.rot90(x, k, dims=(H, W))}). The order of
 * the constants is SPEC section 8's: the identity, three rotations, then the same four after a
 * flip.
 */
public enum Dihedral {
    IDENTITY(0, false),
    ROT90(1, false),
    ROT180(2, false),
    ROT270(3, false),
    FLIP(0, true),
    FLIP_ROT90(1, true),
    FLIP_ROT180(2, true),
    FLIP_ROT270(3, true);

    private static final Dihedral[] VALUES = values();

    private final int quarterTurns;
    private final boolean flip;

    Dihedral(int quarterTurns, boolean flip) {
        this.quarterTurns = quarterTurns;
        this.flip = flip;
    }

    /** The transform with this index in SPEC section 8's order (0..7). */
    public static Dihedral of(int index) {
        return VALUES[index];
    }

    public int quarterTurns() {
        return quarterTurns;
    }

    public boolean flips() {
        return flip;
    }

    /** Whether the output has height and width swapped. */
    public boolean swapsAxes() {
        return (quarterTurns & 1) == 1;
    }

    /** The transform that undoes this one: a flipped transform is its own inverse. */
    public Dihedral inverse() {
        return flip ? this : of((4 - quarterTurns) & 3);
    }

    /**
     * The source row of output sample (i, j) for an input of {@code h x w}; see {@link
     * #sourceColumn}. The output is {@code w x h} when {@link #swapsAxes()}, else {@code h x w}.
     */
    public int sourceRow(int i, int j, int h, int w) {
        return switch (quarterTurns) {
            case 0 -> i;
            case 1 -> j;
            case 2 -> h - 1 - i;
            default -> h - 1 - j;
        };
    }

    /** The source column of output sample (i, j) for an input of {@code h x w}. */
    public int sourceColumn(int i, int j, int h, int w) {
        // Rotation of the flipped image g, where g[y][x] = in[y][w - 1 - x].
        int x =
                switch (quarterTurns) {
                    case 0 -> j;
                    case 1 -> w - 1 - i;
                    case 2 -> w - 1 - j;
                    default -> i;
                };
        return flip ? w - 1 - x : x;
    }

    /** Applies the transform to every channel of an image. */
    public PlanarImage apply(PlanarImage image) {
        int h = image.height();
        int w = image.width();
        int oh = swapsAxes() ? w : h;
        int ow = swapsAxes() ? h : w;
        float[] src = image.data();
        float[] out = new float[src.length];
        for (int c = 0; c < image.channels(); c++) {
            int in = c * h * w;
            int o = c * oh * ow;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    out[o + i * ow + j] =
                            src[in + sourceRow(i, j, h, w) * w + sourceColumn(i, j, h, w)];
                }
            }
        }
        return new PlanarImage(image.channels(), oh, ow, out);
    }
}
