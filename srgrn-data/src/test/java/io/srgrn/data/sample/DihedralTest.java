package io.srgrn.data.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.image.PlanarImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DihedralTest {

    /**
     * 2x3 image
     *
     * <pre>
     * 1 2 3
     * 4 5 6
     * </pre>
     */
    private static final PlanarImage IMG = new PlanarImage(1, 2, 3, new float[] {1, 2, 3, 4, 5, 6});

    @Test
    void handWorkedExamples() {
        // numpy.rot90 (counter-clockwise): [[3, 6], [2, 5], [1, 4]]
        assertThat(Dihedral.ROT90.apply(IMG))
                .isEqualTo(new PlanarImage(1, 3, 2, new float[] {3, 6, 2, 5, 1, 4}));
        assertThat(Dihedral.ROT180.apply(IMG))
                .isEqualTo(new PlanarImage(1, 2, 3, new float[] {6, 5, 4, 3, 2, 1}));
        assertThat(Dihedral.ROT270.apply(IMG))
                .isEqualTo(new PlanarImage(1, 3, 2, new float[] {4, 1, 5, 2, 6, 3}));
        assertThat(Dihedral.FLIP.apply(IMG))
                .isEqualTo(new PlanarImage(1, 2, 3, new float[] {3, 2, 1, 6, 5, 4}));
        // Flip first, then rotate: rot90([[3,2,1],[6,5,4]]) = [[1,4],[2,5],[3,6]] (the transpose).
        assertThat(Dihedral.FLIP_ROT90.apply(IMG))
                .isEqualTo(new PlanarImage(1, 3, 2, new float[] {1, 4, 2, 5, 3, 6}));
    }

    @Test
    void flippedTransformsAreRotationsOfTheFlip() {
        for (int k = 0; k < 4; k++) {
            PlanarImage expected = Dihedral.FLIP.apply(IMG);
            for (int r = 0; r < k; r++) {
                expected = Dihedral.ROT90.apply(expected);
            }
            assertThat(Dihedral.of(4 + k).apply(IMG)).as("transform %d", 4 + k).isEqualTo(expected);
        }
    }

    @Test
    void allEightAreDistinctAndInvertible() {
        PlanarImage img = new PlanarImage(2, 3, 4, new float[24]);
        for (int i = 0; i < 24; i++) {
            img.data()[i] = i;
        }
        Set<PlanarImage> seen = new HashSet<>();
        for (Dihedral t : Dihedral.values()) {
            PlanarImage out = t.apply(img);
            assertThat(seen.add(out)).as("%s is a new image", t).isTrue();
            assertThat(t.inverse().apply(out)).as("inverse of %s", t).isEqualTo(img);
        }
        assertThat(Dihedral.ROT90.inverse()).isEqualTo(Dihedral.ROT270);
        assertThat(Dihedral.FLIP_ROT90.inverse()).isEqualTo(Dihedral.FLIP_ROT90);
        assertThat(Dihedral.of(0)).isEqualTo(Dihedral.IDENTITY);
    }
}
