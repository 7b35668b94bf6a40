package io.srgrn.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.SrgrnConfig;
import org.junit.jupiter.api.Test;

class ParameterPathTest {

    @Test
    void namesAtTheTopAreTheLocalNames() {
        assertThat(ParameterPath.root().name(Conv2dSpec.WEIGHT)).isEqualTo("weight");
    }

    @Test
    void pathsThroughChildrenGiveTheSpecsOwnNames() {
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.paper(4));
        Child<GrumSpec> grum = spec.upsample().get(1);
        ParameterPath grumPath = ParameterPath.root().child(grum);
        Child<RdbSpec> rdb = spec.rdn().rdb(3);

        assertThat(grumPath.child(grum.spec().graph().clc2()).name(Conv2dSpec.BIAS))
                .isEqualTo("upsample.1.clc.2.bias");
        assertThat(grumPath.name(GrumSpec.GAMMA)).isEqualTo("upsample.1.gamma");
        assertThat(
                        ParameterPath.root()
                                .child(rdb)
                                .child(rdb.spec().conv(2))
                                .name(Conv2dSpec.WEIGHT))
                .isEqualTo("rdbs.3.convs.2.weight");
        for (String name :
                new String[] {
                    grumPath.name(GrumSpec.GAMMA),
                    ParameterPath.root().child(rdb).child(rdb.spec().lff()).name(Conv2dSpec.WEIGHT)
                }) {
            assertThat(spec.parameter(name).name()).isEqualTo(name);
        }
    }
}
