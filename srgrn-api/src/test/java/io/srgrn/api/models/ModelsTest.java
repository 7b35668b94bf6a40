package io.srgrn.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.Srgrn;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFormatException;
import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void findsTheModelsOfEverySourceOnTheClassPath() {
        assertThat(Models.available())
                .extracting(ModelInfo::name)
                .containsExactly("tiny-x2", "damaged-x2");
        ModelInfo tiny = Models.find("tiny-x2").orElseThrow();
        assertThat(tiny.scale()).isEqualTo(2);
        assertThat(tiny.score("Set5", false)).map(ModelInfo.Score::psnr).contains(30.5);
        assertThat(tiny.score("Set5", true)).isEmpty();
        assertThat(Models.defaultFor(2, "BI")).map(ModelInfo::name).contains("tiny-x2");
        assertThat(Models.defaultFor(4, "BI")).isEmpty();
        assertThat(Models.defaultFor(2, "BD")).isEmpty();
    }

    @Test
    void loadsWeightsCheckedAgainstTheCatalogue() {
        SrgrnWeights w = Models.load("tiny-x2");
        assertThat(w.config()).isEqualTo(TwoModelSource.CONFIG);
        assertThat(w.metadata()).containsEntry("trainedIterations", "7");
        assertThatThrownBy(() -> Models.load("damaged-x2"))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("damaged-x2")
                .hasMessageContaining("SHA-256")
                .hasMessageContaining("differs");
        assertThatThrownBy(() -> Models.load("nope"))
                .hasMessageContaining("no shipped model named 'nope'")
                .hasMessageContaining("tiny-x2, damaged-x2");
    }

    @Test
    void aMalformedCatalogueNamesTheEntryAndField() {
        assertThatThrownBy(
                        () -> ModelCatalog.parse("{\"models\": [{\"name\": \"a\"}]}", "cat.json"))
                .hasMessageContaining("cat.json")
                .hasMessageContaining("model 0")
                .hasMessageContaining("\"scale\"");
        assertThatThrownBy(() -> ModelCatalog.parse("{}", "cat.json"))
                .hasMessageContaining("no \"models\" list");
    }

    @Test
    void catalogueEntriesRoundTrip() {
        ModelInfo tiny = Models.find("tiny-x2").orElseThrow();
        String json =
                io.srgrn.api.json.Json.write(
                        java.util.Map.of("models", java.util.List.of(ModelCatalog.toJson(tiny))));
        assertThat(ModelCatalog.parse(json, "x")).containsExactly(tiny);
    }

    @Test
    void theBuilderLoadsTheShippedDefaultForAScaleAndANamedModel() {
        try (Srgrn sr = Srgrn.builder().scale(2).backend("nearest").build()) {
            assertThat(sr.weightsSource()).isEqualTo("tiny-x2");
            assertThat(sr.hasTrainedWeights()).isTrue();
            assertThat(
                            sr.module()
                                    .parameters()
                                    .get("sfe1.weight")
                                    .bitEquals(
                                            Safetensors.parse(TwoModelSource.WEIGHTS, "x")
                                                    .tensors()
                                                    .get("sfe1.weight")))
                    .isTrue();
        }
        try (Srgrn sr = Srgrn.builder().model("tiny-x2").backend("nearest").build()) {
            assertThat(sr.config()).isEqualTo(TwoModelSource.CONFIG);
        }
        assertThatThrownBy(
                        () -> Srgrn.builder().model("tiny-x2").scale(3).backend("nearest").build())
                .hasMessageContaining("scale 3")
                .hasMessageContaining("tiny-x2")
                .hasMessageContaining("x2");
    }

    @Test
    void aDegradationPicksItsOwnDefaultOrSaysThereIsNone() {
        try (Srgrn sr = Srgrn.builder().scale(2).degradation("bi").backend("nearest").build()) {
            assertThat(sr.weightsSource()).isEqualTo("tiny-x2");
        }
        // tiny-x2 is BI: a BD x2 request must not fall back to it, nor to random weights
        assertThatThrownBy(
                        () -> Srgrn.builder().scale(2).degradation("BD").backend("nearest").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no shipped BD x2 model")
                .hasMessageContaining("tiny-x2 (BI x2)");
        assertThatThrownBy(() -> Srgrn.builder().degradation("blur"))
                .hasMessageContaining("degradation 'blur'")
                .hasMessageContaining("BI, BD or DN");
        assertThatThrownBy(
                        () ->
                                Srgrn.builder()
                                        .degradation("BD")
                                        .model("tiny-x2")
                                        .backend("nearest")
                                        .build())
                .hasMessageContaining("degradation(BD)")
                .hasMessageContaining("choose one");
    }

    @Test
    void withoutTrainedWeightsUpscalingIsRefusedUnlessAskedForExplicitly() {
        Tensor lr = Tensor.zeros(1, 3, 4, 4);
        // x4 has no shipped model here; a set config never picks up a shipped one (it is to be
        // trained).
        for (Srgrn.Builder b :
                new Srgrn.Builder[] {
                    Srgrn.builder().scale(4), Srgrn.builder().config(SrgrnConfig.compact(2))
                }) {
            try (Srgrn sr = b.backend("nearest").build()) {
                assertThat(sr.hasTrainedWeights()).isFalse();
                assertThat(sr.weightsSource()).isNull();
                assertThatThrownBy(() -> sr.upscale(lr))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no trained weights")
                        .hasMessageContaining(".untrained()")
                        .hasMessageContaining("tiny-x2");
            }
        }
        try (Srgrn sr =
                Srgrn.builder()
                        .config(SrgrnConfig.compact(2))
                        .backend("nearest")
                        .untrained()
                        .build()) {
            assertThat(sr.upscale(lr).shape()).containsExactly(1, 3, 8, 8);
        }
    }
}
