package io.srgrn.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.spec.SrgrnSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrgrnConfigTest {

    @Test
    void paperPresetIsSpecSection1() {
        SrgrnConfig c = SrgrnConfig.paper(4);
        assertThat(c)
                .isEqualTo(
                        new SrgrnConfig(
                                4,
                                3,
                                3,
                                64,
                                20,
                                6,
                                32,
                                10,
                                8,
                                0.2,
                                NodeAggregation.MEAN,
                                true,
                                true));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void compactPresetIsTenToThirtyTimesCheaper(int scale) {
        double paper = new SrgrnSpec(SrgrnConfig.paper(scale)).flopsPerLrPixel();
        double compact = new SrgrnSpec(SrgrnConfig.compact(scale)).flopsPerLrPixel();
        assertThat(paper / compact).isBetween(10.0, 30.0);
    }

    @Test
    void theSupportedScalesAreTwoThreeAndFourAndNothingElse() {
        assertThat(SrgrnConfig.SCALES).containsExactly(2, 3, 4);
        for (int s = -1; s <= 8; s++) {
            int scale = s;
            assertThat(SrgrnConfig.isSupportedScale(s)).as("x%d", s).isEqualTo(s >= 2 && s <= 4);
            if (!SrgrnConfig.isSupportedScale(s)) {
                assertThatThrownBy(() -> SrgrnConfig.paper(scale))
                        .hasMessageContaining("2, 3 or 4");
            }
        }
    }

    @Test
    void errorsNameFieldValueAndAllowed() {
        assertThatThrownBy(
                        () ->
                                new SrgrnConfig(
                                        5,
                                        3,
                                        3,
                                        64,
                                        20,
                                        6,
                                        32,
                                        10,
                                        8,
                                        0.2,
                                        NodeAggregation.MEAN,
                                        true,
                                        true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale = 5")
                .hasMessageContaining("2, 3 or 4");
        assertThatThrownBy(
                        () ->
                                new SrgrnConfig(
                                        4,
                                        3,
                                        3,
                                        64,
                                        20,
                                        6,
                                        32,
                                        10,
                                        7,
                                        0.2,
                                        NodeAggregation.MEAN,
                                        true,
                                        true))
                .hasMessageContaining("alpha = 7")
                .hasMessageContaining("divisor of G0 = 64");
        assertThatThrownBy(
                        () ->
                                new SrgrnConfig(
                                        4,
                                        2,
                                        3,
                                        64,
                                        20,
                                        6,
                                        32,
                                        10,
                                        8,
                                        0.2,
                                        NodeAggregation.MEAN,
                                        true,
                                        true))
                .hasMessageContaining("inChannels = 2");
        assertThatThrownBy(
                        () ->
                                new SrgrnConfig(
                                        4,
                                        3,
                                        3,
                                        64,
                                        20,
                                        6,
                                        32,
                                        10,
                                        8,
                                        Double.NaN,
                                        NodeAggregation.MEAN,
                                        true,
                                        true))
                .hasMessageContaining("slope = NaN");
        assertThatThrownBy(() -> SrgrnConfig.preset("huge", 4))
                .hasMessageContaining("unknown preset 'huge'");
    }
}
