package io.srgrn.api.spec;

import io.srgrn.api.config.NodeAggregation;
import java.util.ArrayList;
import java.util.List;

/**
 * Global reasoning reconstruction block (SPEC 3.5): F_S (B, C, H, W) to the image (B, out, H, W).
 *
 * <pre>
 * Yn   = CLC(aggregate(F_S))                      B x N x C
 * Yrc  = (Yn^T @ Wp).reshape(B, C, H, W)
 * I_SR = tail.1(tail.0(gamma * Yrc + F_S))        no activation between the tails
 * </pre>
 *
 * With {@code reasoning == false} (ablation {@code grrb = false}) only the tails exist.
 */
public record GrrbSpec(
        int channels,
        int outChannels,
        int nodes,
        double slope,
        NodeAggregation aggregation,
        boolean reasoning)
        implements LayerSpec {
    public static final String GAMMA = "gamma";

    public GrrbSpec {
        if (channels < 1 || outChannels < 1 || nodes < 1) {
            throw new IllegalArgumentException(
                    "GRRB needs C, out, N >= 1, got C="
                            + channels
                            + ", out="
                            + outChannels
                            + ", N="
                            + nodes);
        }
    }

    public GraphReasoning graph() {
        return new GraphReasoning(channels, nodes, slope, aggregation);
    }

    /** {@code tail.0}: Conv2d(C, C, 3). */
    public Child<Conv2dSpec> tail0() {
        return new Child<>("tail.0", Conv2dSpec.conv3x3(channels, channels));
    }

    /** {@code tail.1}: Conv2d(C, out, 3). */
    public Child<Conv2dSpec> tail1() {
        return new Child<>("tail.1", Conv2dSpec.conv3x3(channels, outChannels));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>();
        if (reasoning) {
            params.addAll(graph().parameters());
            params.add(new ParamSpec(GAMMA, new int[] {1}, ParamSpec.Init.ZERO, 0));
        }
        params.addAll(tail0().parameters());
        params.addAll(tail1().parameters());
        return List.copyOf(params);
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), channels, in);
        return new int[] {in[0], outChannels, in[2], in[3]};
    }

    @Override
    public long macs(int... in) {
        Shapes.requireImage(describe(), channels, in);
        long total = tail0().spec().macs(in) + tail1().spec().macs(in);
        if (reasoning) {
            total +=
                    graph().macs(in[0], in[2], in[3])
                            + (long) in[0] * channels * nodes * in[2] * in[3];
        }
        return total;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.grrb(this);
    }

    @Override
    public String describe() {
        return "GRRB(C="
                + channels
                + ", out="
                + outChannels
                + ", N="
                + nodes
                + ", "
                + aggregation
                + (reasoning ? "" : ", no reasoning")
                + ")";
    }
}
