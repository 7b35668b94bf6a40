package io.srgrn.tck;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.List;

/**
 * The layers and shapes every check runs on: each kind of layer spec, and the whole network for x2,
 * x3 and x4, MEAN and SUM, and the ablations. Shapes are small (the reference is plain Java) but
 * cover odd sizes, batch > 1, non-square inputs and 1 and 3 image channels; slopes other than 0.2
 * appear so that a hard-coded slope is caught.
 */
public final class ConformanceCases {
    private ConformanceCases() {}

    /** A small SRGRN: G0 8, D 2, C 2, G 4, N 4, alpha 2. */
    public static SrgrnConfig tinyConfig(
            int scale, int channels, NodeAggregation aggregation, boolean grum, boolean grrb) {
        return new SrgrnConfig(
                scale, channels, channels, 8, 2, 2, 4, 4, 2, 0.2, aggregation, grum, grrb);
    }

    public static List<ConformanceCase> all() {
        NodeAggregation mean = NodeAggregation.MEAN;
        NodeAggregation sum = NodeAggregation.SUM;
        return List.of(
                new ConformanceCase(
                        "Conv2d 3x3 RGB", Conv2dSpec.conv3x3(3, 5), new int[] {2, 3, 7, 5}, 11),
                new ConformanceCase(
                        "Conv2d 3x3 grey", Conv2dSpec.conv3x3(1, 4), new int[] {1, 1, 6, 9}, 12),
                new ConformanceCase(
                        "Conv2d 1x1", Conv2dSpec.conv1x1(6, 4), new int[] {2, 6, 5, 3}, 13),
                new ConformanceCase("Conv1d", new Conv1dSpec(5, 3), new int[] {2, 5, 7}, 14),
                new ConformanceCase(
                        "Conv1d expand", new Conv1dSpec(2, 12), new int[] {1, 2, 4}, 15),
                new ConformanceCase("RDB", new RdbSpec(6, 3, 4), new int[] {2, 6, 5, 7}, 16),
                new ConformanceCase(
                        "RDN RGB", new RdnSpec(3, 6, 2, 2, 4), new int[] {1, 3, 7, 6}, 17),
                new ConformanceCase(
                        "RDN grey", new RdnSpec(1, 6, 2, 2, 4), new int[] {2, 1, 5, 4}, 18),
                new ConformanceCase(
                        "GRUM r=2 MEAN",
                        new GrumSpec(8, 4, 2, 2, 0.2, mean, true),
                        new int[] {2, 8, 5, 3},
                        19),
                new ConformanceCase(
                        "GRUM r=3 SUM slope 0.1",
                        new GrumSpec(8, 3, 4, 3, 0.1, sum, true),
                        new int[] {1, 8, 4, 5},
                        20),
                new ConformanceCase(
                        "GRUM r=2 no reasoning",
                        new GrumSpec(8, 4, 2, 2, 0.2, mean, false),
                        new int[] {1, 8, 3, 4},
                        21),
                new ConformanceCase(
                        "GRRB MEAN",
                        new GrrbSpec(8, 3, 4, 0.2, mean, true),
                        new int[] {2, 8, 9, 7},
                        22),
                new ConformanceCase(
                        "GRRB grey SUM slope 0.3",
                        new GrrbSpec(8, 1, 5, 0.3, sum, true),
                        new int[] {1, 8, 6, 5},
                        23),
                new ConformanceCase(
                        "GRRB no reasoning",
                        new GrrbSpec(8, 3, 4, 0.2, mean, false),
                        new int[] {1, 8, 5, 5},
                        24),
                new ConformanceCase(
                        "SRGRN x2 MEAN",
                        new SrgrnSpec(tinyConfig(2, 3, mean, true, true)),
                        new int[] {2, 3, 5, 7},
                        25),
                new ConformanceCase(
                        "SRGRN x3 SUM grey",
                        new SrgrnSpec(tinyConfig(3, 1, sum, true, true)),
                        new int[] {1, 1, 4, 5},
                        26),
                new ConformanceCase(
                        "SRGRN x4 MEAN",
                        new SrgrnSpec(tinyConfig(4, 3, mean, true, true)),
                        new int[] {1, 3, 4, 3},
                        27),
                new ConformanceCase(
                        "SRGRN x2 no GRUM no GRRB",
                        new SrgrnSpec(tinyConfig(2, 3, mean, false, false)),
                        new int[] {1, 3, 5, 4},
                        28),
                new ConformanceCase(
                        "SRGRN x3 no GRUM SUM",
                        new SrgrnSpec(tinyConfig(3, 3, sum, false, true)),
                        new int[] {1, 3, 3, 4},
                        29),
                new ConformanceCase(
                        "SRGRN x4 no GRRB grey",
                        new SrgrnSpec(tinyConfig(4, 1, mean, true, false)),
                        new int[] {2, 1, 3, 3},
                        30));
    }
}
