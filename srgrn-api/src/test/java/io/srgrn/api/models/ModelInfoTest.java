package io.srgrn.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelInfoTest {

    @Test
    void withDefaultChangesOnlyTheDefaultFlag() {
        ModelInfo m =
                new ModelInfo(
                        "compact-bi-x2",
                        2,
                        "BI",
                        "compact",
                        123,
                        true,
                        "compact-bi-x2.safetensors",
                        "abc",
                        List.of(new ModelInfo.Score("Set5", false, 37.1, 0.95)),
                        Map.of("trainedIterations", "1000"));
        ModelInfo off = m.withDefault(false);
        assertThat(off.isDefault()).isFalse();
        assertThat(off.withDefault(true)).isEqualTo(m);
        assertThat(off).usingRecursiveComparison().ignoringFields("isDefault").isEqualTo(m);
    }
}
