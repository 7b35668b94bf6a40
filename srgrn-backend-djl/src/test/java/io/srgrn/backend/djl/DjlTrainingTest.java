package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A few hundred Adam steps on synthetic images clearly lower the L1 loss of a small SRGRN. */
class DjlTrainingTest {

    @Test
    void trainingOnSyntheticImagesLowersTheL1Loss() {
        SrgrnConfig config =
                new SrgrnConfig(2, 3, 3, 16, 2, 3, 8, 4, 4, 0.2, NodeAggregation.MEAN, true, true);
        SrgrnSpec spec = new SrgrnSpec(config);
        Random random = new Random(2024);
        try (Module m = DjlTestSupport.cpu().compile(spec, Initializer.initialize(spec, 1))) {
            int steps = 300;
            double first = 0;
            double last = 0;
            for (int step = 0; step < steps; step++) {
                Tensor hr = smoothImages(random, 4, 24);
                float loss = m.trainStep(downscale2(hr), hr, AdamSettings.paper(), 1e-3);
                assertThat(Float.isFinite(loss)).as("loss at step %d", step).isTrue();
                if (step < 10) {
                    first += loss / 10;
                } else if (step >= steps - 20) {
                    last += loss / 20;
                }
            }
            assertThat(last)
                    .as("mean L1 of the last 20 steps vs the first 10 (%.4f)", first)
                    .isLessThan(0.25 * first);
        }
    }

    /** Random sums of low-frequency sinusoids per channel, in [0, 1]: learnable, never repeated. */
    private static Tensor smoothImages(Random r, int n, int size) {
        Tensor t = Tensor.zeros(n, 3, size, size);
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < 3; c++) {
                double fx = 0.5 + r.nextDouble() * 2.5;
                double fy = 0.5 + r.nextDouble() * 2.5;
                double px = r.nextDouble() * 6.3;
                double py = r.nextDouble() * 6.3;
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double v =
                                0.5
                                        + 0.25 * Math.sin(fx * j * 2 * Math.PI / size + px)
                                        + 0.25 * Math.cos(fy * i * 2 * Math.PI / size + py);
                        t.set((float) v, b, c, i, j);
                    }
                }
            }
        }
        return t;
    }

    /** 2x2 box average: the LR input for the HR target. */
    private static Tensor downscale2(Tensor hr) {
        int n = hr.dim(0), c = hr.dim(1), h = hr.dim(2) / 2, w = hr.dim(3) / 2;
        Tensor lr = Tensor.zeros(n, c, h, w);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        float s =
                                hr.get(b, ch, 2 * i, 2 * j)
                                        + hr.get(b, ch, 2 * i + 1, 2 * j)
                                        + hr.get(b, ch, 2 * i, 2 * j + 1)
                                        + hr.get(b, ch, 2 * i + 1, 2 * j + 1);
                        lr.set(s / 4, b, ch, i, j);
                    }
                }
            }
        }
        return lr;
    }
}
