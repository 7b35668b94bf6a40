package io.srgrn.api.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitializerTest {
    @Test
    void uniformWithinFanInBoundAndGammasZero() {
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.compact(4));
        Map<String, Tensor> params = Initializer.initialize(spec, 42);
        for (ParamSpec p : spec.parameters()) {
            float[] d = params.get(p.name()).data();
            if (p.init() == ParamSpec.Init.ZERO) {
                assertThat(d).as(p.name()).containsOnly(0f);
                continue;
            }
            double bound = 1 / Math.sqrt(p.fanIn());
            double max = 0;
            double sumSq = 0;
            for (float v : d) {
                max = Math.max(max, Math.abs(v));
                sumSq += v * v;
            }
            assertThat(max).as(p.name()).isLessThanOrEqualTo(bound);
            if (d.length >= 1000) {
                // variance of U(-b, b) is b^2 / 3
                assertThat(sumSq / d.length)
                        .as(p.name())
                        .isCloseTo(
                                bound * bound / 3,
                                org.assertj.core.data.Percentage.withPercentage(10));
            }
        }
        assertThat(params.get("upsample.1.gamma").data()).containsExactly(0f);
    }

    @Test
    void sameSeedSameModelAndAblationKeepsSharedLayers() {
        SrgrnSpec full = new SrgrnSpec(SrgrnConfig.compact(2));
        SrgrnSpec ablated = new SrgrnSpec(SrgrnConfig.compact(2).withAblation(false, false));
        Map<String, Tensor> a = Initializer.initialize(full, 5);
        Map<String, Tensor> b = Initializer.initialize(full, 5);
        Map<String, Tensor> c = Initializer.initialize(full, 6);
        Map<String, Tensor> d = Initializer.initialize(ablated, 5);
        a.forEach((k, v) -> assertThat(b.get(k).bitEquals(v)).isTrue());
        assertThat(c.get("sfe1.weight").bitEquals(a.get("sfe1.weight"))).isFalse();
        assertThat(
                        d.get("upsample.0.subpixel.weight")
                                .bitEquals(a.get("upsample.0.subpixel.weight")))
                .isTrue();
    }
}
