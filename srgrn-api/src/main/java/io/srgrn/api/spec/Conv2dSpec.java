package io.srgrn.api.spec;

import java.util.List;

/**
 * {@code Conv2d(in, out, kernel, padding = kernel / 2)} with bias, stride 1 (SPEC section 2: every
 * conv of SRGRN is 3x3 with padding 1 or 1x1 without). Parameters {@code weight [out, in, k, k]}
 * and {@code bias [out]}.
 */
public record Conv2dSpec(int inChannels, int outChannels, int kernel) implements LayerSpec {
    public static final String WEIGHT = "weight";
    public static final String BIAS = "bias";

    public Conv2dSpec {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(
                    "Conv2d channels must be >= 1, got in=" + inChannels + ", out=" + outChannels);
        }
        if (kernel != 1 && kernel != 3) {
            throw new IllegalArgumentException(
                    "Conv2d kernel must be 1 or 3 (SPEC section 2), got " + kernel);
        }
    }

    public static Conv2dSpec conv3x3(int in, int out) {
        return new Conv2dSpec(in, out, 3);
    }

    public static Conv2dSpec conv1x1(int in, int out) {
        return new Conv2dSpec(in, out, 1);
    }

    /** Zero padding on each side, keeping H and W unchanged. */
    public int padding() {
        return kernel / 2;
    }

    @Override
    public List<ParamSpec> parameters() {
        int fanIn = inChannels * kernel * kernel;
        return List.of(
                new ParamSpec(
                        WEIGHT,
                        new int[] {outChannels, inChannels, kernel, kernel},
                        ParamSpec.Init.UNIFORM_FAN_IN,
                        fanIn),
                new ParamSpec(BIAS, new int[] {outChannels}, ParamSpec.Init.UNIFORM_FAN_IN, fanIn));
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), inChannels, in);
        return new int[] {in[0], outChannels, in[2], in[3]};
    }

    @Override
    public long macs(int... in) {
        Shapes.requireImage(describe(), inChannels, in);
        return (long) in[0] * outChannels * inChannels * kernel * kernel * in[2] * in[3];
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.conv2d(this);
    }

    @Override
    public String describe() {
        return "Conv2d(" + inChannels + "->" + outChannels + ", " + kernel + "x" + kernel + ")";
    }
}
