package io.srgrn.api.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TensorUniformTest {
    @Test
    void uniformDrawsImageRangeValuesInElementOrder() {
        Tensor t = Tensor.uniform(new SplittableRandom(42), 0, 1, new int[] {2, 3, 4});
        assertThat(t.shape()).containsExactly(2, 3, 4);
        SplittableRandom same = new SplittableRandom(42);
        for (float v : t.data()) {
            assertThat(v).isEqualTo((float) same.nextDouble()).isBetween(0f, 1f);
        }
        assertThat(Tensor.uniform(new SplittableRandom(43), 0, 1, new int[] {2, 3, 4}).bitEquals(t))
                .isFalse();
    }

    @Test
    void uniformScalesEachDrawIntoTheRange() {
        Tensor t = Tensor.uniform(new SplittableRandom(7), -0.5, 1.5, new int[] {3, 5});
        SplittableRandom same = new SplittableRandom(7);
        for (float v : t.data()) {
            assertThat(v).isEqualTo((float) (-0.5 + 2 * same.nextDouble())).isBetween(-0.5f, 1.5f);
        }
    }
}
