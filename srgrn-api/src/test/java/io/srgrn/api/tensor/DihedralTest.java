package io.srgrn.api.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DihedralTest {
    @Test
    void rotationIsCounterClockwise() {
        // 1 2 3      3 6
        // 4 5 6  ->  2 5
        //            1 4
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 1, 2, 3);
        Tensor r = Dihedral.apply(x, 1);
        assertThat(r.shape()).containsExactly(1, 1, 3, 2);
        assertThat(r.data()).containsExactly(3, 6, 2, 5, 1, 4);
        assertThat(Dihedral.apply(x, 4).data()).containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void everyTransformIsInvertedAndAllEightDiffer() {
        float[] d = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        Tensor x = Tensor.of(d, 2, 3, 4, 5);
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < Dihedral.COUNT; k++) {
            Tensor y = Dihedral.apply(x, k);
            distinct.add(java.util.Arrays.toString(y.shape()) + java.util.Arrays.toString(y.data()));
            assertThat(Dihedral.invert(y, k).bitEquals(x)).as("k=%d", k).isTrue();
        }
        assertThat(distinct).hasSize(8);
    }
}
