package io.srgrn.api.spec;

import java.util.List;

/**
 * {@code Conv1d(in, out, 1)} with bias on an (N, C, L) input: a per-position linear map over the
 * channel axis. Parameters {@code weight [out, in, 1]} and {@code bias [out]}.
 */
public record Conv1dSpec(int inChannels, int outChannels) implements LayerSpec {

    public Conv1dSpec {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(
                    "Conv1d channels must be >= 1, got in=" + inChannels + ", out=" + outChannels);
        }
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                new ParamSpec(
                        Conv2dSpec.WEIGHT,
                        new int[] {outChannels, inChannels, 1},
                        ParamSpec.Init.UNIFORM_FAN_IN,
                        inChannels),
                new ParamSpec(
                        Conv2dSpec.BIAS,
                        new int[] {outChannels},
                        ParamSpec.Init.UNIFORM_FAN_IN,
                        inChannels));
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireSequence(describe(), inChannels, in);
        return new int[] {in[0], outChannels, in[2]};
    }

    @Override
    public long macs(int... in) {
        Shapes.requireSequence(describe(), inChannels, in);
        return (long) in[0] * outChannels * inChannels * in[2];
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.conv1d(this);
    }

    @Override
    public String describe() {
        return "Conv1d(" + inChannels + "->" + outChannels + ", 1)";
    }
}
