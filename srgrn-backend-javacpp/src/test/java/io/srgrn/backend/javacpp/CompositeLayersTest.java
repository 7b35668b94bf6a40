package io.srgrn.backend.javacpp;

import static io.srgrn.tck.RelativeError.assertClose;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.support.HostTensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every composite spec compiled on its own (Conv2d, RDB, RDN, GRUM r=2 and r=3, GRRB), chained in
 * Java the way SPEC section 3 chains them, reproduces the golden whole-model output, input gradient
 * and parameter gradients: the standalone modules compute what the whole network does.
 */
class CompositeLayersTest {
    /** Normwise relative error allowed against the float64 golden cases (float32 backend). */
    static final double TOLERANCE = 2e-5;

    private final BackendContext ctx = TestContexts.cpu();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "srgrn-x3-mean.safetensors",
                "srgrn-x4-mean.safetensors",
                "srgrn-x2-sum.safetensors"
            })
    void chainOfRdnGrumsAndGrrbEqualsTheWholeModel(String file) {
        Fixtures f = Fixtures.load(file);
        SrgrnSpec spec = f.spec();
        List<Module> modules = new ArrayList<>();
        try {
            Module rdn = compile(modules, spec.rdn(), f.weightsUnder(""));
            List<Module> grums = new ArrayList<>();
            for (Child<GrumSpec> g : spec.upsample()) {
                grums.add(compile(modules, g.spec(), f.weightsUnder(g.name())));
            }
            Module grrb = compile(modules, spec.grrb().spec(), f.weightsUnder(spec.grrb().name()));

            List<Tensor> activations = new ArrayList<>();
            activations.add(f.tensor("input"));
            activations.add(rdn.forward(f.tensor("input")));
            for (Module g : grums) {
                activations.add(g.forward(activations.get(activations.size() - 1)));
            }
            Tensor out = grrb.forward(activations.get(activations.size() - 1));
            assertClose(file + " output", out, f.tensor("output"), TOLERANCE);

            Gradients gg =
                    grrb.backward(activations.get(activations.size() - 1), f.tensor("upstream"));
            assertParamGrads(f, spec.grrb().name(), gg);
            Tensor up = gg.input();
            for (int k = grums.size() - 1; k >= 0; k--) {
                Gradients g = grums.get(k).backward(activations.get(k + 1), up);
                assertParamGrads(f, spec.upsample().get(k).name(), g);
                up = g.input();
            }
            Gradients gr = rdn.backward(f.tensor("input"), up);
            assertParamGrads(f, "", gr);
            assertClose(file + " grad.input", gr.input(), f.tensor("grad.input"), TOLERANCE);
        } finally {
            modules.forEach(Module::close);
        }
    }

    /**
     * Inside the RDN: sfe1, sfe2 (Conv2d), every RDB and gff.0/gff.1 compiled alone, concatenations
     * and the global residual done in Java, forward and backward against the fixture's gradients.
     */
    @ParameterizedTest
    @ValueSource(strings = {"srgrn-x2-mean.safetensors"})
    void chainOfConvsAndRdbsEqualsTheRdn(String file) {
        Fixtures f = Fixtures.load(file);
        RdnSpec rdn = f.spec().rdn();
        List<Module> modules = new ArrayList<>();
        try (Module whole = ctx.compile(rdn, restrictTo(rdn, f.weights()))) {
            Module sfe1 = compile(modules, rdn.sfe1().spec(), f.weightsUnder(rdn.sfe1().name()));
            Module sfe2 = compile(modules, rdn.sfe2().spec(), f.weightsUnder(rdn.sfe2().name()));
            List<Module> rdbs = new ArrayList<>();
            for (Child<RdbSpec> b : rdn.rdbs()) {
                rdbs.add(compile(modules, b.spec(), f.weightsUnder(b.name())));
            }
            Module gff0 = compile(modules, rdn.gff0().spec(), f.weightsUnder(rdn.gff0().name()));
            Module gff1 = compile(modules, rdn.gff1().spec(), f.weightsUnder(rdn.gff1().name()));

            Tensor x = f.tensor("input");
            Tensor f1 = sfe1.forward(x);
            List<Tensor> h = new ArrayList<>();
            h.add(sfe2.forward(f1));
            for (Module b : rdbs) {
                h.add(b.forward(h.get(h.size() - 1)));
            }
            Tensor cat = HostTensors.concatChannels(h.subList(1, h.size()));
            Tensor g0 = gff0.forward(cat);
            Tensor featureMap = HostTensors.add(gff1.forward(g0), f1);
            assertClose("RDN from its parts", featureMap, whole.forward(x), TOLERANCE);

            // Backward with a random upstream for F_L; the whole RDN module gives the expected
            // gradients.
            Tensor up = Tensor.uniform(new SplittableRandom(7), -1, 1, featureMap.shape());
            Gradients expected = whole.backward(x, up);
            Gradients g1 = gff1.backward(g0, up);
            assertParamGrads(expected, rdn.gff1(), g1);
            Gradients gcat = gff0.backward(cat, g1.input());
            assertParamGrads(expected, rdn.gff0(), gcat);
            int[] widths = new int[rdbs.size()];
            java.util.Arrays.fill(widths, rdn.g0());
            List<Tensor> perBlock = HostTensors.splitChannels(gcat.input(), widths);
            Tensor carry = null;
            for (int d = rdbs.size() - 1; d >= 0; d--) {
                Tensor gOut =
                        carry == null ? perBlock.get(d) : HostTensors.add(perBlock.get(d), carry);
                Gradients gb = rdbs.get(d).backward(h.get(d), gOut);
                assertParamGrads(expected, rdn.rdb(d), gb);
                carry = gb.input();
            }
            Gradients gs2 = sfe2.backward(f1, carry);
            assertParamGrads(expected, rdn.sfe2(), gs2);
            Gradients gs1 = sfe1.backward(x, HostTensors.add(gs2.input(), up));
            assertParamGrads(expected, rdn.sfe1(), gs1);
            assertClose(
                    "RDN input gradient from its parts", gs1.input(), expected.input(), TOLERANCE);
        } finally {
            Collections.reverse(modules);
            modules.forEach(Module::close);
        }
    }

    private Module compile(
            List<Module> owned, io.srgrn.api.spec.LayerSpec spec, Map<String, Tensor> weights) {
        Module m = ctx.compile(spec, restrictTo(spec, weights));
        owned.add(m);
        return m;
    }

    /**
     * The spec's own parameters out of a map that may hold more (the RDN's sit among the GRUMs').
     */
    private static Map<String, Tensor> restrictTo(
            io.srgrn.api.spec.LayerSpec spec, Map<String, Tensor> weights) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            out.put(p.name(), weights.get(p.name()));
        }
        return out;
    }

    private static void assertParamGrads(Fixtures f, String prefix, Gradients g) {
        g.parameters()
                .forEach(
                        (name, grad) -> {
                            String full = prefix.isEmpty() ? name : prefix + "." + name;
                            assertClose(
                                    f.fileName() + " grad." + full,
                                    grad,
                                    f.tensor("grad." + full),
                                    TOLERANCE);
                        });
    }

    private static void assertParamGrads(
            Gradients whole, Child<? extends io.srgrn.api.spec.LayerSpec> child, Gradients part) {
        part.parameters()
                .forEach(
                        (name, grad) ->
                                assertClose(
                                        "grad." + child.param(name),
                                        grad,
                                        whole.parameters().get(child.param(name)),
                                        TOLERANCE));
    }
}
