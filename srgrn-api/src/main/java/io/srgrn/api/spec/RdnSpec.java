package io.srgrn.api.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * RDN feature extraction H_FEX (SPEC 3): image (N, in, H, W) to F_L (N, G0, H, W).
 *
 * <pre>
 * f1 = sfe1(x); h = sfe2(f1)
 * for d: h = rdbs.d(h); out_d = h
 * F_L = gff.1(gff.0(concat(out_0 .. out_{D-1}))) + f1
 * </pre>
 *
 * Within a whole SRGRN these parameters sit at the top level ({@code sfe1.weight}, {@code
 * rdbs.0...}).
 */
public record RdnSpec(int inChannels, int g0, int d, int c, int g) implements LayerSpec {

    public RdnSpec {
        if (inChannels < 1 || g0 < 1 || d < 1 || c < 1 || g < 1) {
            throw new IllegalArgumentException(
                    "RDN needs in, G0, D, C, G >= 1, got in="
                            + inChannels
                            + ", G0="
                            + g0
                            + ", D="
                            + d
                            + ", C="
                            + c
                            + ", G="
                            + g);
        }
    }

    public Child<Conv2dSpec> sfe1() {
        return new Child<>("sfe1", Conv2dSpec.conv3x3(inChannels, g0));
    }

    public Child<Conv2dSpec> sfe2() {
        return new Child<>("sfe2", Conv2dSpec.conv3x3(g0, g0));
    }

    public Child<RdbSpec> rdb(int i) {
        return new Child<>("rdbs." + i, new RdbSpec(g0, c, g));
    }

    public List<Child<RdbSpec>> rdbs() {
        List<Child<RdbSpec>> list = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            list.add(rdb(i));
        }
        return list;
    }

    /** {@code gff.0}: Conv2d(D*G0, G0, 1). */
    public Child<Conv2dSpec> gff0() {
        return new Child<>("gff.0", Conv2dSpec.conv1x1(d * g0, g0));
    }

    /** {@code gff.1}: Conv2d(G0, G0, 3). */
    public Child<Conv2dSpec> gff1() {
        return new Child<>("gff.1", Conv2dSpec.conv3x3(g0, g0));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>();
        params.addAll(sfe1().parameters());
        params.addAll(sfe2().parameters());
        rdbs().forEach(ch -> params.addAll(ch.parameters()));
        params.addAll(gff0().parameters());
        params.addAll(gff1().parameters());
        return List.copyOf(params);
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), inChannels, in);
        return new int[] {in[0], g0, in[2], in[3]};
    }

    @Override
    public long macs(int... in) {
        Shapes.requireImage(describe(), inChannels, in);
        int[] feat = {in[0], g0, in[2], in[3]};
        return sfe1().spec().macs(in)
                + sfe2().spec().macs(feat)
                + d * rdb(0).spec().macs(feat)
                + gff0().spec().macs(in[0], d * g0, in[2], in[3])
                + gff1().spec().macs(feat);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.rdn(this);
    }

    @Override
    public String describe() {
        return "RDN(in=" + inChannels + ", G0=" + g0 + ", D=" + d + ", C=" + c + ", G=" + g + ")";
    }
}
