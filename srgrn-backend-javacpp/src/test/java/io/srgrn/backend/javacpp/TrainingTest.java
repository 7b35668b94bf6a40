package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TrainingTest {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingTest.class);

    /** Learns 2x upscaling of smooth synthetic images (LR = 2x2 box average of HR). */
    @Test
    void lossDropsClearlyOnSyntheticData() {
        SrgrnConfig config =
                new SrgrnConfig(2, 3, 3, 16, 2, 3, 8, 4, 4, 0.2, NodeAggregation.MEAN, true, true);
        SrgrnSpec spec = new SrgrnSpec(config);
        int batch = 4;
        int hr = 16;
        Tensor[] hrBatches = new Tensor[4];
        Tensor[] lrBatches = new Tensor[4];
        SplittableRandom random = new SplittableRandom(21);
        for (int k = 0; k < hrBatches.length; k++) {
            hrBatches[k] = smoothImages(random, batch, hr);
            lrBatches[k] = boxDownsample(hrBatches[k], 2);
        }
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 22, 0f))) {
            float first = 0;
            double lastTen = 0;
            int steps = 200;
            for (int s = 0; s < steps; s++) {
                float loss =
                        m.trainStep(lrBatches[s % 4], hrBatches[s % 4], AdamSettings.paper(), 2e-3);
                assertThat(loss).as("loss at step %d", s).isFinite();
                if (s == 0) {
                    first = loss;
                }
                if (s >= steps - 10) {
                    lastTen += loss / 10.0;
                }
            }
            LOG.info(
                    "synthetic training: L1 {} at step 0, {} averaged over the last 10 of {} steps",
                    first,
                    lastTen,
                    steps);
            assertThat(lastTen).isLessThan(first * 0.25);
        }
    }

    @Test
    void trainStepRejectsATargetOfTheWrongShape() {
        SrgrnSpec spec = new SrgrnSpec(TinyModels.config(2, NodeAggregation.MEAN));
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 1, 0f))) {
            Tensor before = m.parameter(spec.parameters().get(0).name());
            assertThatThrownBy(
                            () ->
                                    m.trainStep(
                                            Tensor.zeros(1, 3, 4, 4),
                                            Tensor.zeros(1, 3, 4, 4),
                                            AdamSettings.paper(),
                                            1e-3))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("[1, 3, 8, 8]");
            assertThat(m.parameter(spec.parameters().get(0).name()).bitEquals(before)).isTrue();
            assertThat(m.optimizerState().step()).isZero();
        }
    }

    private static Tensor smoothImages(SplittableRandom random, int batch, int size) {
        Tensor t = Tensor.zeros(batch, 3, size, size);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < 3; c++) {
                double fy = 0.2 + random.nextDouble() * 0.5;
                double fx = 0.2 + random.nextDouble() * 0.5;
                double phase = random.nextDouble() * 6.28;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        t.set((float) (0.5 + 0.4 * Math.sin(fy * y + fx * x + phase)), b, c, y, x);
                    }
                }
            }
        }
        return t;
    }

    private static Tensor boxDownsample(Tensor hr, int s) {
        int[] d = hr.shape();
        Tensor lr = Tensor.zeros(d[0], d[1], d[2] / s, d[3] / s);
        for (int b = 0; b < d[0]; b++) {
            for (int c = 0; c < d[1]; c++) {
                for (int y = 0; y < d[2] / s; y++) {
                    for (int x = 0; x < d[3] / s; x++) {
                        float sum = 0;
                        for (int i = 0; i < s; i++) {
                            for (int j = 0; j < s; j++) {
                                sum += hr.get(b, c, y * s + i, x * s + j);
                            }
                        }
                        lr.set(sum / (s * s), b, c, y, x);
                    }
                }
            }
        }
        return lr;
    }
}
