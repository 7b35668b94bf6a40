package io.srgrn.api.spec;

import io.srgrn.api.config.NodeAggregation;
import java.util.ArrayList;
import java.util.List;

/**
 * Global reasoning upsampling module (SPEC 3.4): F (B, C, H, W) to F_S (B, C, rH, rW).
 *
 * <pre>
 * Yn  = CLC(aggregate(F))                                   B x N x C
 * Ync = expand.2(leaky_relu(expand.0(Yn^T)))                B x r*r*C x N
 * Yrc = (Ync @ Wp).reshape(B, r*r*C, H, W)
 * Ys  = gamma * pixel_shuffle(Yrc, r) + (1 - gamma) * pixel_shuffle(subpixel(F), r)
 * F_S = fuse(Ys)
 * </pre>
 *
 * With {@code reasoning == false} (ablation {@code grum = false}) only {@code subpixel} and {@code
 * fuse} exist and {@code Ys = pixel_shuffle(subpixel(F), r)}.
 */
public record GrumSpec(
        int channels,
        int nodes,
        int alpha,
        int r,
        double slope,
        NodeAggregation aggregation,
        boolean reasoning)
        implements LayerSpec {
    public static final String GAMMA = "gamma";

    public GrumSpec {
        if (channels < 1 || nodes < 1 || alpha < 1 || channels % alpha != 0) {
            throw new IllegalArgumentException(
                    "GRUM needs C, N >= 1 and alpha dividing C, got C="
                            + channels
                            + ", N="
                            + nodes
                            + ", alpha="
                            + alpha);
        }
        if (r != 2 && r != 3) {
            throw new IllegalArgumentException("GRUM upsampling factor r must be 2 or 3, got " + r);
        }
    }

    public GraphReasoning graph() {
        return new GraphReasoning(channels, nodes, slope, aggregation);
    }

    /** {@code expand.0}: Conv1d(C, C/alpha, 1), channel bottleneck. */
    public Child<Conv1dSpec> expand0() {
        return new Child<>("expand.0", new Conv1dSpec(channels, channels / alpha));
    }

    /** {@code expand.2}: Conv1d(C/alpha, r*r*C, 1). */
    public Child<Conv1dSpec> expand2() {
        return new Child<>("expand.2", new Conv1dSpec(channels / alpha, r * r * channels));
    }

    /** {@code subpixel}: Conv2d(C, r*r*C, 3), H_UP before the pixel shuffle. */
    public Child<Conv2dSpec> subpixel() {
        return new Child<>("subpixel", Conv2dSpec.conv3x3(channels, r * r * channels));
    }

    /** {@code fuse}: Conv2d(C, C, 3). */
    public Child<Conv2dSpec> fuse() {
        return new Child<>("fuse", Conv2dSpec.conv3x3(channels, channels));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>();
        if (reasoning) {
            params.addAll(graph().parameters());
            params.addAll(expand0().parameters());
            params.addAll(expand2().parameters());
        }
        params.addAll(subpixel().parameters());
        if (reasoning) {
            params.add(new ParamSpec(GAMMA, new int[] {1}, ParamSpec.Init.ZERO, 0));
        }
        params.addAll(fuse().parameters());
        return List.copyOf(params);
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), channels, in);
        return new int[] {in[0], channels, in[2] * r, in[3] * r};
    }

    @Override
    public long macs(int... in) {
        Shapes.requireImage(describe(), channels, in);
        int b = in[0];
        long hw = (long) in[2] * in[3];
        long total =
                subpixel().spec().macs(in) + fuse().spec().macs(b, channels, in[2] * r, in[3] * r);
        if (reasoning) {
            int bottleneck = channels / alpha;
            total +=
                    graph().macs(b, in[2], in[3])
                            + (long) b
                                    * nodes
                                    * (channels * bottleneck + (long) bottleneck * r * r * channels)
                            + (long) b * r * r * channels * nodes * hw;
        }
        return total;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.grum(this);
    }

    @Override
    public String describe() {
        return "GRUM(C="
                + channels
                + ", N="
                + nodes
                + ", alpha="
                + alpha
                + ", r="
                + r
                + ", "
                + aggregation
                + (reasoning ? "" : ", no reasoning")
                + ")";
    }
}
