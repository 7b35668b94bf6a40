package io.srgrn.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.SrgrnConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrgrnSpecTest {

    @ParameterizedTest(name = "x{0} has {1} parameters")
    @CsvSource({"2, 5696237", "3, 5883757", "4, 5885222"})
    void paperParameterCountsMatchSpec(int scale, long expected) {
        assertThat(new SrgrnSpec(SrgrnConfig.paper(scale)).parameterCount()).isEqualTo(expected);
    }

    @Test
    void parameterNamesFollowSpecSection2() {
        List<String> names =
                new SrgrnSpec(SrgrnConfig.paper(4))
                        .parameters().stream().map(ParamSpec::name).toList();
        assertThat(names)
                .startsWith(
                        "sfe1.weight",
                        "sfe1.bias",
                        "sfe2.weight",
                        "sfe2.bias",
                        "rdbs.0.convs.0.weight");
        assertThat(names)
                .contains(
                        "rdbs.19.convs.5.bias",
                        "rdbs.19.lff.weight",
                        "gff.0.weight",
                        "gff.1.bias",
                        "upsample.0.proj.weight",
                        "upsample.0.distribute.bias",
                        "upsample.0.clc.0.weight",
                        "upsample.0.clc.2.bias",
                        "upsample.0.expand.0.weight",
                        "upsample.0.expand.2.bias",
                        "upsample.0.subpixel.weight",
                        "upsample.0.gamma",
                        "upsample.1.fuse.weight",
                        "grrb.proj.weight",
                        "grrb.gamma",
                        "grrb.tail.0.weight",
                        "grrb.tail.1.bias");
        assertThat(names)
                .doesNotContain("rdbs.20.lff.weight", "upsample.2.gamma", "rdbs.0.convs.6.weight");
        Set<String> unique = new HashSet<>(names);
        assertThat(unique).hasSameSizeAs(names);
    }

    @Test
    void shapesFollowSpecSection2() {
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.paper(3));
        assertThat(spec.parameter("rdbs.4.convs.2.weight").shape())
                .containsExactly(32, 64 + 2 * 32, 3, 3);
        assertThat(spec.parameter("rdbs.4.lff.weight").shape())
                .containsExactly(64, 64 + 6 * 32, 1, 1);
        assertThat(spec.parameter("gff.0.weight").shape()).containsExactly(64, 20 * 64, 1, 1);
        assertThat(spec.parameter("upsample.0.clc.0.weight").shape()).containsExactly(10, 10, 1);
        assertThat(spec.parameter("upsample.0.expand.0.weight").shape()).containsExactly(8, 64, 1);
        assertThat(spec.parameter("upsample.0.expand.2.weight").shape())
                .containsExactly(9 * 64, 8, 1);
        assertThat(spec.parameter("upsample.0.subpixel.weight").shape())
                .containsExactly(9 * 64, 64, 3, 3);
        assertThat(spec.parameter("upsample.0.gamma").shape()).containsExactly(1);
        assertThat(spec.parameter("grrb.tail.1.weight").shape()).containsExactly(3, 64, 3, 3);
    }

    @Test
    void gammaNamesAreEachGrumsAndTheGrrbsInParameterOrder() {
        assertThat(new SrgrnSpec(SrgrnConfig.paper(4)).gammaNames())
                .containsExactly("upsample.0.gamma", "upsample.1.gamma", "grrb.gamma");
        assertThat(new SrgrnSpec(SrgrnConfig.paper(3)).gammaNames())
                .containsExactly("upsample.0.gamma", "grrb.gamma");
        assertThat(new SrgrnSpec(SrgrnConfig.paper(2).withAblation(false, false)).gammaNames())
                .isEmpty();
    }

    @Test
    void ablationsKeepOnlySubpixelFuseAndTails() {
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.paper(2).withAblation(false, false));
        List<String> names = spec.parameters().stream().map(ParamSpec::name).toList();
        assertThat(names)
                .contains(
                        "upsample.0.subpixel.weight", "upsample.0.fuse.bias", "grrb.tail.0.weight");
        assertThat(names)
                .noneMatch(
                        n ->
                                n.contains("gamma")
                                        || n.contains("proj")
                                        || n.contains("clc")
                                        || n.contains("expand")
                                        || n.contains("distribute"));
    }

    @Test
    void outputShapeScalesAndChecksInput() {
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.compact(4));
        assertThat(spec.outputShape(2, 3, 7, 9)).containsExactly(2, 3, 28, 36);
        assertThatThrownBy(() -> spec.outputShape(3, 7, 9))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("rank 4")
                .hasMessageContaining("[3, 7, 9]");
        assertThatThrownBy(() -> spec.outputShape(1, 1, 7, 9))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("expects 3 input channels, got 1");
    }

    @Test
    void convMacsAreTextbook() {
        assertThat(Conv2dSpec.conv3x3(4, 5).macs(2, 4, 6, 7)).isEqualTo(2L * 5 * 4 * 9 * 6 * 7);
        assertThat(new Conv1dSpec(4, 5).macs(2, 4, 6)).isEqualTo(2L * 5 * 4 * 6);
    }
}
