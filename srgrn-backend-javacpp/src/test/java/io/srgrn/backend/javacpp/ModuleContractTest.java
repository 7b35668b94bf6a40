package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks before native work, all-or-nothing parameter updates, and closing. */
class ModuleContractTest {
    private final SrgrnSpec spec = new SrgrnSpec(TinyModels.config(2, NodeAggregation.MEAN));

    @Test
    void compileRejectsIncompleteOrMisshapenParameters() {
        Map<String, Tensor> w = TinyModels.weights(spec, 1, 0f);
        String name = spec.parameters().get(3).name();
        Map<String, Tensor> missing = new LinkedHashMap<>(w);
        missing.remove(name);
        assertThatThrownBy(() -> TestContexts.cpu().compile(spec, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
        Map<String, Tensor> misshapen = new LinkedHashMap<>(w);
        misshapen.put(name, Tensor.zeros(2, 2));
        assertThatThrownBy(() -> TestContexts.cpu().compile(spec, misshapen))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining(name);
        Map<String, Tensor> extra = new LinkedHashMap<>(w);
        extra.put("rdbs.9.lff.weight", Tensor.zeros(1));
        assertThatThrownBy(() -> TestContexts.cpu().compile(spec, extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rdbs.9.lff.weight");
    }

    @Test
    void inputsOfTheWrongRankOrChannelsFailWithTheSpecsMessage() {
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 2, 0f))) {
            assertThatThrownBy(() -> m.forward(Tensor.zeros(3, 4, 4)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("rank 4");
            assertThatThrownBy(() -> m.forward(Tensor.zeros(1, 1, 4, 4)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("3 input channels");
            assertThatThrownBy(() -> m.backward(Tensor.zeros(1, 3, 4, 4), Tensor.zeros(1, 3, 4, 4)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("upstream");
        }
    }

    @Test
    void setParametersIsAllOrNothingAndKeepsUnnamedOnes() {
        Map<String, Tensor> w = TinyModels.weights(spec, 3, 0.5f);
        try (Module m = TestContexts.cpu().compile(spec, w)) {
            ParamSpec first = spec.parameters().get(0);
            ParamSpec second = spec.parameters().get(1);
            Map<String, Tensor> bad = new LinkedHashMap<>();
            bad.put(first.name(), Tensor.full(7f, first.shape()));
            bad.put(second.name(), Tensor.zeros(1));
            assertThatThrownBy(() -> m.setParameters(bad))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining(second.name());
            assertThat(m.parameter(first.name()).bitEquals(w.get(first.name()))).isTrue();

            m.setParameters(Map.of(first.name(), Tensor.full(7f, first.shape())));
            assertThat(m.parameter(first.name()).bitEquals(Tensor.full(7f, first.shape())))
                    .isTrue();
            assertThat(m.parameter(second.name()).bitEquals(w.get(second.name()))).isTrue();
            assertThatThrownBy(() -> m.parameter("no.such.parameter"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no.such.parameter");
            Map<String, Tensor> all = m.parameters();
            assertThat(all.keySet())
                    .containsExactlyElementsOf(
                            spec.parameters().stream().map(ParamSpec::name).toList());
        }
    }

    @Test
    void parametersAreCopiesNotViews() {
        Map<String, Tensor> w = TinyModels.weights(spec, 4, 0f);
        try (Module m = TestContexts.cpu().compile(spec, w)) {
            String name = spec.parameters().get(0).name();
            float original = w.get(name).data()[0];
            w.get(name).data()[0] = 99f;
            m.parameter(name).data()[0] = 42f;
            assertThat(m.parameter(name).data()[0]).isEqualTo(original);
        }
    }

    @Test
    void openingACudaDeviceWithoutCudaNativesSaysWhatIsMissing() {
        Assumptions.assumeFalse(
                NativeArtifacts.onClassPath().hasGpuNatives(),
                "CUDA natives are on the class path");
        assertThatThrownBy(
                        () -> new JavaCppBackend().open(Device.cuda(0), BackendOptions.defaults()))
                .hasMessageContaining("cuda:0")
                .hasMessageContaining(
                        NativeArtifacts.onClassPath().platform() + NativeArtifacts.GPU_EXTENSION);
    }
}
