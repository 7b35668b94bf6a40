package io.srgrn.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.SrgrnConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerVisitorTest {

    /** Names the method that {@link LayerSpec#accept} chose. */
    private static final LayerVisitor<String> KIND =
            new LayerVisitor<>() {
                @Override
                public String conv2d(Conv2dSpec spec) {
                    return "conv2d";
                }

                @Override
                public String conv1d(Conv1dSpec spec) {
                    return "conv1d";
                }

                @Override
                public String rdb(RdbSpec spec) {
                    return "rdb";
                }

                @Override
                public String rdn(RdnSpec spec) {
                    return "rdn";
                }

                @Override
                public String grum(GrumSpec spec) {
                    return "grum";
                }

                @Override
                public String grrb(GrrbSpec spec) {
                    return "grrb";
                }

                @Override
                public String srgrn(SrgrnSpec spec) {
                    return "srgrn";
                }
            };

    @Test
    void eachKindOfSpecCallsItsOwnMethod() {
        SrgrnSpec srgrn = new SrgrnSpec(SrgrnConfig.compact(2));
        GrumSpec grum = srgrn.upsample().get(0).spec();
        List<LayerSpec> specs =
                List.of(
                        Conv2dSpec.conv3x3(3, 8),
                        grum.graph().clc0().spec(),
                        srgrn.rdn().rdb(0).spec(),
                        srgrn.rdn(),
                        grum,
                        srgrn.grrb().spec(),
                        srgrn);

        assertThat(specs.stream().map(s -> s.accept(KIND)))
                .containsExactly("conv2d", "conv1d", "rdb", "rdn", "grum", "grrb", "srgrn");
    }
}
