package io.srgrn.api.spec;

import io.srgrn.api.config.SrgrnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole network (SPEC 3): LR image (B, in, H, W) to SR image (B, out, sH, sW).
 *
 * <pre>F_L = RDN(x); F = upsample.0(F_L) [; F = upsample.1(F) for x4]; I_SR = grrb(F)</pre>
 *
 * The RDN's parameters sit at the top level ({@code sfe1}, {@code rdbs.*}, {@code gff.*}).
 */
public record SrgrnSpec(SrgrnConfig config) implements LayerSpec {
    public static final String UPSAMPLE = "upsample";
    public static final String GRRB = "grrb";

    public SrgrnSpec {
        Objects.requireNonNull(config, "config");
    }

    public RdnSpec rdn() {
        return new RdnSpec(config.inChannels(), config.g0(), config.d(), config.c(), config.g());
    }

    /** {@code upsample.{k}}: one GRUM per factor of {@link SrgrnConfig#upsampleFactors()}. */
    public List<Child<GrumSpec>> upsample() {
        int[] factors = config.upsampleFactors();
        List<Child<GrumSpec>> list = new ArrayList<>(factors.length);
        for (int k = 0; k < factors.length; k++) {
            list.add(
                    new Child<>(
                            UPSAMPLE + "." + k,
                            new GrumSpec(
                                    config.g0(),
                                    config.n(),
                                    config.alpha(),
                                    factors[k],
                                    config.slope(),
                                    config.nodeAggregation(),
                                    config.grum())));
        }
        return list;
    }

    public Child<GrrbSpec> grrb() {
        return new Child<>(
                GRRB,
                new GrrbSpec(
                        config.g0(),
                        config.outChannels(),
                        config.n(),
                        config.slope(),
                        config.nodeAggregation(),
                        config.grrb()));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>(rdn().parameters());
        upsample().forEach(ch -> params.addAll(ch.parameters()));
        params.addAll(grrb().parameters());
        return List.copyOf(params);
    }

    /**
     * The names of the global reasoning gammas (each GRUM's and the GRRB's {@code gamma}), in
     * parameter order. One place decides what a gamma is: the training run logs them, the ablation
     * that switches global reasoning off zeroes them. Empty when reasoning is off everywhere.
     */
    public List<String> gammaNames() {
        return parameters().stream()
                .map(ParamSpec::name)
                .filter(n -> n.endsWith("." + GrumSpec.GAMMA) || n.endsWith("." + GrrbSpec.GAMMA))
                .toList();
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), config.inChannels(), in);
        return new int[] {
            in[0], config.outChannels(), in[2] * config.scale(), in[3] * config.scale()
        };
    }

    @Override
    public long macs(int... in) {
        long total = rdn().macs(in);
        int h = in[2];
        int w = in[3];
        for (Child<GrumSpec> grum : upsample()) {
            total += grum.spec().macs(in[0], config.g0(), h, w);
            h *= grum.spec().r();
            w *= grum.spec().r();
        }
        return total + grrb().spec().macs(in[0], config.g0(), h, w);
    }

    /** Floating point operations per LR pixel (batch 1), the cost axis of the paper's Figure 4. */
    public double flopsPerLrPixel() {
        int side = 48;
        return (double) flops(1, config.inChannels(), side, side) / (side * side);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.srgrn(this);
    }

    @Override
    public String describe() {
        return "SRGRN x"
                + config.scale()
                + " (G0="
                + config.g0()
                + ", D="
                + config.d()
                + ", C="
                + config.c()
                + ", G="
                + config.g()
                + ", N="
                + config.n()
                + ", alpha="
                + config.alpha()
                + ", "
                + config.nodeAggregation()
                + (config.grum() ? "" : ", no GRUM reasoning")
                + (config.grrb() ? "" : ", no GRRB reasoning")
                + ")";
    }
}
