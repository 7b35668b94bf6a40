package io.srgrn.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spi.AdamSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forward side of the reference's ops on inputs small enough to work out by hand (the finite
 * differences check only that backward agrees with forward; these check forward itself).
 */
class ReferenceOpsTest {

    private static DoubleTensor t(int[] shape, double... values) {
        return DoubleTensor.of(values, shape);
    }

    @Test
    void pixelShuffleFollowsSpecOrder() {
        // 4 channels of 1x1 become one 2x2 channel: out[i][j] = in[i*2 + j]
        DoubleTensor in = t(new int[] {1, 4, 1, 1}, 10, 11, 12, 13);
        assertThat(PixelShuffle.SPEC.forward(in, 2).data()).containsExactly(10, 11, 12, 13);
        // two output channels: channel c takes input channels 4c .. 4c+3
        DoubleTensor two = t(new int[] {1, 8, 1, 1}, 0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(PixelShuffle.SPEC.forward(two, 2).data())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        // r = 2 on a 1x2 input: out[0][w*2 + j] from channel j at column w, out[1][...] from
        // channels 2, 3
        DoubleTensor wide = t(new int[] {1, 4, 1, 2}, 0, 1, 10, 11, 20, 21, 30, 31);
        assertThat(PixelShuffle.SPEC.forward(wide, 2).data())
                .containsExactly(0, 10, 1, 11, 20, 30, 21, 31);
        // r = 3: sub-pixel (i, j) = (2, 1) of channel 0 comes from channel 2*3 + 1 = 7
        double[] nine = new double[9];
        nine[7] = 1;
        DoubleTensor out = PixelShuffle.SPEC.forward(t(new int[] {1, 9, 1, 1}, nine), 3);
        assertThat(out.shape()).containsExactly(1, 1, 3, 3);
        assertThat(out.data()[2 * 3 + 1]).isEqualTo(1);
    }

    @Test
    void pixelShuffleBackwardIsItsInverse() {
        double[] values = new double[2 * 18 * 2 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        DoubleTensor in = t(new int[] {2, 18, 2, 3}, values);
        assertThat(PixelShuffle.SPEC.backward(PixelShuffle.SPEC.forward(in, 3), 3).data())
                .containsExactly(values);
    }

    @Test
    void convolutionPadsWithZerosAndAddsTheBias() {
        // a 3x3 image, a 3x3 kernel of ones, bias 0.5: the corner sums its 2x2 neighbourhood
        DoubleTensor image = t(new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        DoubleTensor ones = t(new int[] {1, 1, 3, 3}, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        DoubleTensor out = Conv2dOp.forward(image, ones, t(new int[] {1}, 0.5));
        assertThat(out.data())
                .containsExactly(12.5, 21.5, 16.5, 27.5, 45.5, 33.5, 24.5, 39.5, 28.5);
        // cross-correlation, not convolution: a kernel with only its top-left tap reads the
        // upper-left neighbour
        DoubleTensor topLeft = t(new int[] {1, 1, 3, 3}, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(Conv2dOp.forward(image, topLeft, t(new int[] {1}, 0)).data())
                .containsExactly(0, 0, 0, 0, 1, 2, 0, 4, 5);
    }

    @Test
    void conv1dMixesChannelsAtEachPosition() {
        DoubleTensor in = t(new int[] {1, 2, 3}, 1, 2, 3, 10, 20, 30);
        DoubleTensor weight = t(new int[] {1, 2, 1}, 2, -1);
        assertThat(Conv1dOp.forward(in, weight, t(new int[] {1}, 1)).data())
                .containsExactly(-7, -15, -23);
    }

    @Test
    void softmaxIsOverNodesForEachPixel() {
        // 2 nodes, 2 pixels: pixel 0 has logits (0, ln 3), pixel 1 equal logits
        DoubleTensor w = NodeSoftmaxOp.forward(t(new int[] {1, 2, 2}, 0, 5, Math.log(3), 5));
        assertThat(w.data()[0]).isCloseTo(0.25, within(1e-15));
        assertThat(w.data()[2]).isCloseTo(0.75, within(1e-15));
        assertThat(w.data()[1]).isCloseTo(0.5, within(1e-15));
        // large logits do not overflow
        DoubleTensor big = NodeSoftmaxOp.forward(t(new int[] {1, 2, 1}, 1000, 1000));
        assertThat(big.data()).containsExactly(0.5, 0.5);
    }

    @Test
    void aggregationMeanIsTheSumOverPixelsDividedByTheirCount() {
        // P: 1 node over 4 pixels, X: 2 channels over 4 pixels
        DoubleTensor p = t(new int[] {1, 1, 4}, 1, 2, 3, 4);
        DoubleTensor x = t(new int[] {1, 2, 4}, 1, 1, 1, 1, 0, 1, 0, 1);
        assertThat(NodeAggregationOp.forward(p, x, NodeAggregation.SUM).data())
                .containsExactly(10, 6);
        assertThat(NodeAggregationOp.forward(p, x, NodeAggregation.MEAN).data())
                .containsExactly(2.5, 1.5);
    }

    @Test
    void batchedMatmulMultipliesEachBatchEntry() {
        DoubleTensor a = t(new int[] {2, 1, 2}, 1, 2, 3, 4);
        DoubleTensor b = t(new int[] {2, 2, 1}, 5, 6, 7, 8);
        assertThat(BatchedMatmulOp.forward(a, b).data()).containsExactly(17, 53);
        assertThat(BatchedMatmulOp.transpose(t(new int[] {1, 2, 3}, 1, 2, 3, 4, 5, 6)).data())
                .containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void concatAndSplitAlongChannels() {
        DoubleTensor a = t(new int[] {2, 1, 2}, 1, 2, 3, 4);
        DoubleTensor b = t(new int[] {2, 2, 2}, 5, 6, 7, 8, 9, 10, 11, 12);
        DoubleTensor ab = ChannelConcatOp.forward(List.of(a, b));
        assertThat(ab.data()).containsExactly(1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12);
        List<DoubleTensor> parts = ChannelConcatOp.split(ab, new int[] {1, 2});
        assertThat(parts.get(0).data()).containsExactly(a.data());
        assertThat(parts.get(1).data()).containsExactly(b.data());
    }

    @Test
    void gammaBlends() {
        DoubleTensor a = t(new int[] {2}, 1, 2);
        DoubleTensor b = t(new int[] {2}, 10, 20);
        assertThat(GammaBlendOp.mix(0.25, a, b).data()).containsExactly(7.75, 15.5);
        assertThat(GammaBlendOp.residual(0.25, a, b).data()).containsExactly(10.25, 20.5);
    }

    @Test
    void activations() {
        DoubleTensor x = t(new int[] {3}, -2, 0, 3);
        assertThat(ReluOp.forward(x).data()).containsExactly(0, 0, 3);
        assertThat(LeakyReluOp.forward(x, 0.2).data()).containsExactly(-0.4, 0, 3);
    }

    @Test
    void adamMatchesPyTorchsFormula() {
        // worked out by hand from torch.optim.Adam's update (lr 0.1, betas 0.9/0.999, eps 0.1):
        // step 1: m^ = 0.2, v^ = 0.04, p = 0.5 - 0.1 * 0.2 / (0.2 + 0.1) = 0.4333...
        double[] p = {0.5};
        double[] m = {0};
        double[] v = {0};
        AdamSettings adam = new AdamSettings(0.9, 0.999, 0.1);
        AdamOp.update(p, new double[] {0.2}, m, v, 1, adam, 0.1);
        assertThat(p[0]).isCloseTo(0.43333333333333335, within(1e-15));
        AdamOp.update(p, new double[] {-0.1}, m, v, 2, adam, 0.1);
        assertThat(p[0]).isCloseTo(0.41701916451060883, within(1e-15));
        AdamOp.update(p, new double[] {0.05}, m, v, 3, adam, 0.1);
        assertThat(p[0]).isCloseTo(0.39763473742797806, within(1e-15));
    }
}
