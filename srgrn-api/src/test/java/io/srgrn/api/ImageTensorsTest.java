package io.srgrn.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.sample.Dihedral;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {
    @Test
    void transformActsOnEveryPlaneOfABatchAndInverts() {
        float[] d = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        Tensor x = Tensor.of(d, 2, 3, 4, 5);
        Tensor r = ImageTensors.transform(x, Dihedral.ROT90);
        assertThat(r.shape()).containsExactly(2, 3, 5, 4);
        // counter-clockwise: out[i][j] = in[j][W-1-i]
        assertThat(r.get(1, 2, 0, 0)).isEqualTo(x.get(1, 2, 0, 4));
        assertThat(r.get(1, 2, 4, 3)).isEqualTo(x.get(1, 2, 3, 0));
        for (Dihedral t : Dihedral.values()) {
            assertThat(
                            ImageTensors.transform(ImageTensors.transform(x, t), t.inverse())
                                    .bitEquals(x))
                    .as(t.name())
                    .isTrue();
        }
    }
}
