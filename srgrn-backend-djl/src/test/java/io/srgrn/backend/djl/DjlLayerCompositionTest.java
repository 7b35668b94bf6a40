package io.srgrn.backend.djl;

import static io.srgrn.tck.RelativeError.assertClose;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.GoldenFixture;
import io.srgrn.tck.support.HostTensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sub-layer spec compiled on its own (RDN, GRUM r=2 and r=3, GRRB, RDB, Conv2d), fed the
 * golden model's weights under its child name, and chained by hand must reproduce the golden SRGRN:
 * the forward pass and, through the chain rule, every gradient.
 */
class DjlLayerCompositionTest {
    private static GoldenFixture loadFixture(String name) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                GoldenFixture.directory() != null, GoldenFixture.absentReason());
        return GoldenFixture.load(name);
    }

    static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "srgrn-x4-mean.safetensors",
                "srgrn-x3-mean.safetensors",
                "srgrn-x2-sum.safetensors"
            })
    void chainedSubLayersReproduceTheWholeNetwork(String file) {
        GoldenFixture f = loadFixture(file);
        SrgrnSpec spec = f.spec();
        BackendContext ctx = DjlTestSupport.cpu();
        List<Module> chain = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try {
            chain.add(ctx.compile(spec.rdn(), select(f, spec.rdn(), "")));
            prefixes.add("");
            for (Child<GrumSpec> u : spec.upsample()) {
                chain.add(ctx.compile(u.spec(), select(f, u.spec(), u.name())));
                prefixes.add(u.name());
            }
            chain.add(
                    ctx.compile(
                            spec.grrb().spec(), select(f, spec.grrb().spec(), spec.grrb().name())));
            prefixes.add(spec.grrb().name());

            List<Tensor> inputs = new ArrayList<>();
            Tensor x = f.input();
            for (Module m : chain) {
                inputs.add(x);
                x = m.forward(x);
            }
            assertClose(file + " chained output", x, f.output(), TOLERANCE);

            Tensor upstream = f.upstream();
            for (int i = chain.size() - 1; i >= 0; i--) {
                Gradients g = chain.get(i).backward(inputs.get(i), upstream);
                for (Map.Entry<String, Tensor> e : g.parameters().entrySet()) {
                    String full =
                            prefixes.get(i).isEmpty()
                                    ? e.getKey()
                                    : prefixes.get(i) + "." + e.getKey();
                    assertClose(
                            file + " grad." + full,
                            e.getValue(),
                            f.gradients().get(full),
                            TOLERANCE);
                }
                upstream = g.input();
            }
            assertClose(file + " chained grad.input", upstream, f.inputGradient(), TOLERANCE);
        } finally {
            chain.forEach(Module::close);
        }
    }

    /** RDN = gff.1(gff.0(concat(RDB outputs))) + sfe1(x), with each conv and RDB compiled alone. */
    @Test
    void rdnEqualsItsConvsAndRdbsComposed() {
        GoldenFixture f = loadFixture("srgrn-x2-mean.safetensors");
        RdnSpec rdn = f.spec().rdn();
        BackendContext ctx = DjlTestSupport.cpu();
        Tensor x = f.input();
        try (Module whole = ctx.compile(rdn, select(f, rdn, ""))) {
            Tensor f1 = run(ctx, f, rdn.sfe1().spec(), rdn.sfe1().name(), x);
            Tensor h = run(ctx, f, rdn.sfe2().spec(), rdn.sfe2().name(), f1);
            List<Tensor> outs = new ArrayList<>();
            for (Child<RdbSpec> rdb : rdn.rdbs()) {
                h = run(ctx, f, rdb.spec(), rdb.name(), h);
                outs.add(h);
            }
            Tensor fused =
                    run(
                            ctx,
                            f,
                            rdn.gff0().spec(),
                            rdn.gff0().name(),
                            HostTensors.concatChannels(outs));
            Tensor expected =
                    HostTensors.add(run(ctx, f, rdn.gff1().spec(), rdn.gff1().name(), fused), f1);
            assertClose("RDN from parts", whole.forward(x), expected, TOLERANCE);
        }
    }

    /**
     * One RDB against SPEC's recurrence written out with Conv2d modules and host-side concat/ReLU.
     */
    @Test
    void rdbEqualsDenseConvsWithResidual() {
        GoldenFixture f = loadFixture("srgrn-x2-mean.safetensors");
        Child<RdbSpec> child = f.spec().rdn().rdb(1);
        RdbSpec rdb = child.spec();
        BackendContext ctx = DjlTestSupport.cpu();
        Tensor x = Tensor.uniform(new SplittableRandom(7), -1, 1, new int[] {2, rdb.g0(), 6, 5});
        try (Module whole = ctx.compile(rdb, select(f, rdb, child.name()))) {
            List<Tensor> feats = new ArrayList<>(List.of(x));
            for (Child<Conv2dSpec> conv : rdb.convs()) {
                Tensor y =
                        run(
                                ctx,
                                f,
                                conv.spec(),
                                child.name() + "." + conv.name(),
                                HostTensors.concatChannels(feats));
                for (int i = 0; i < y.size(); i++) {
                    y.data()[i] = Math.max(0f, y.data()[i]);
                }
                feats.add(y);
            }
            Tensor expected =
                    HostTensors.add(
                            run(
                                    ctx,
                                    f,
                                    rdb.lff().spec(),
                                    child.name() + "." + rdb.lff().name(),
                                    HostTensors.concatChannels(feats)),
                            x);
            assertClose("RDB from parts", whole.forward(x), expected, TOLERANCE);
        }
    }

    private static Tensor run(
            BackendContext ctx, GoldenFixture f, LayerSpec spec, String prefix, Tensor x) {
        try (Module m = ctx.compile(spec, select(f, spec, prefix))) {
            return m.forward(x);
        }
    }

    /**
     * The golden weights of the layer at {@code prefix}, under the layer's own (relative) names.
     */
    static Map<String, Tensor> select(GoldenFixture f, LayerSpec spec, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            out.put(
                    p.name(),
                    f.parameters().get(prefix.isEmpty() ? p.name() : p.prefixed(prefix).name()));
        }
        return out;
    }
}
