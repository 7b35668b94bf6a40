package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapePlannerTest {

    @Test
    void everySpecKindPlansTheOutputShapeItsSpecGives() {
        List<Object[]> cases =
                List.of(
                        new Object[] {Conv2dSpec.conv3x3(3, 8), new int[] {2, 3, 5, 4}},
                        new Object[] {new Conv1dSpec(4, 6), new int[] {2, 4, 7}},
                        new Object[] {new RdbSpec(8, 3, 4), new int[] {2, 8, 5, 4}},
                        new Object[] {new RdnSpec(3, 8, 2, 3, 4), new int[] {1, 3, 5, 4}},
                        new Object[] {
                            new GrumSpec(8, 3, 2, 3, 0.2, NodeAggregation.MEAN, true),
                            new int[] {1, 8, 5, 4}
                        },
                        new Object[] {
                            new GrrbSpec(8, 3, 3, 0.2, NodeAggregation.SUM, true),
                            new int[] {1, 8, 5, 4}
                        },
                        new Object[] {
                            new SrgrnSpec(SrgrnConfig.paper(4)), new int[] {16, 3, 48, 48}
                        });
        for (Object[] c : cases) {
            LayerSpec spec = (LayerSpec) c[0];
            int[] in = (int[]) c[1];
            LayerPlan plan = ShapePlanner.plan(spec, in, false);
            assertThat(plan.output()).as(spec.describe()).containsExactly(spec.outputShape(in));
            assertThat(plan.input()).containsExactly(in);
        }
    }

    @Test
    void aBadInputFailsAsTheSpecSays() {
        assertThatThrownBy(
                        () ->
                                ShapePlanner.plan(
                                        Conv2dSpec.conv3x3(3, 8), new int[] {1, 4, 5, 5}, false))
                .isInstanceOf(ShapeMismatchException.class);
    }

    @Test
    void anRdnPlansOneConvolutionPerConvOfTheSpecWithItsShapes() {
        RdnSpec rdn = new RdnSpec(3, 8, 2, 3, 4);
        LayerPlan plan = ShapePlanner.plan(rdn, new int[] {2, 3, 6, 5}, true);
        List<ConvDescriptor> convs = plan.allConvs();
        assertThat(convs).hasSize(2 + 2 * (3 + 1) + 2);
        assertThat(convs.get(0)).isEqualTo(new ConvDescriptor(2, 3, 6, 5, 8, 3, true));
        // the third conv of the first block reads G0 + 2*G channels
        assertThat(convs.get(2 + 2).in()).isEqualTo(8 + 2 * 4);
        // lff reads G0 + C*G with a 1x1 kernel; gff.0 reads D*G0
        assertThat(convs.get(2 + 3)).isEqualTo(new ConvDescriptor(2, 8 + 3 * 4, 6, 5, 8, 1, true));
        assertThat(convs.get(convs.size() - 2))
                .isEqualTo(new ConvDescriptor(2, 2 * 8, 6, 5, 8, 1, true));
        assertThat(plan.saved())
                .containsExactly(
                        new BufferPlan("f1", new int[] {2, 8, 6, 5}),
                        new BufferPlan("outs", new int[] {2, 16, 6, 5}));
    }

    @Test
    void graphReasoningPlansItsGemmsAndTheAblationHasNone() {
        GrumSpec grum = new GrumSpec(8, 3, 2, 2, 0.2, NodeAggregation.MEAN, true);
        LayerPlan plan = ShapePlanner.plan(grum, new int[] {2, 8, 5, 4}, false);
        // aggregate and its two gradients, distribute and its two gradients, and three per Conv1d
        // (4 of them)
        assertThat(plan.allGemms()).hasSize(6 + 4 * 3);
        assertThat(plan.gemms().get(0)).isEqualTo(GraphGemms.aggregate(2, 3, 8, 20, 1f / 20));
        assertThat(plan.saved())
                .contains(
                        new BufferPlan("Wp", new int[] {2, 3, 20}),
                        new BufferPlan("Ync", new int[] {2, 4 * 8, 3}),
                        new BufferPlan("blended", new int[] {2, 8, 10, 8}));
        LayerPlan ablation =
                ShapePlanner.plan(
                        new GrumSpec(8, 3, 2, 2, 0.2, NodeAggregation.MEAN, false),
                        new int[] {2, 8, 5, 4},
                        false);
        assertThat(ablation.allGemms()).isEmpty();
        assertThat(ablation.allConvs()).hasSize(2);
    }

    @Test
    void thePaperModelsTrainingStepKeepsAKnownAmountOfActivations() {
        SrgrnSpec paper = new SrgrnSpec(SrgrnConfig.paper(4));
        LayerPlan plan = ShapePlanner.plan(paper, new int[] {16, 3, 48, 48}, true);
        long feat = 16L * 64 * 48 * 48 * 4; // one G0 feature map of the batch, in bytes
        // each RDB keeps its (G0 + C*G = 256)-channel feature buffer (4 maps) and each conv its
        // input
        assertThat(plan.savedBytes()).isGreaterThan(20 * 4 * feat).isLessThan(1000 * feat);
        assertThat(plan.allConvs()).hasSize(2 + 20 * 7 + 2 + 2 * 4 + 4);
        assertThat(plan.scratchBytes()).isPositive();
    }
}
