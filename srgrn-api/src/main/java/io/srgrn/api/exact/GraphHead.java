package io.srgrn.api.exact;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;

/**
 * The graph part of GRUM or GRRB (SPEC 3.1 to 3.3) split at its one global step: the node
 * aggregation {@code P @ X^T} is a sum over pixels, so it is accumulated tile by tile ({@link
 * #accumulate}) and finished once the whole image has been seen ({@link #nodeStates}); everything
 * else is per pixel. The 1x1 convolutions {@code proj} and {@code distribute} run on the backend
 * (compiled from their own specs); the sums and the CLC run on the host in double.
 */
final class GraphHead implements AutoCloseable {
    private final GraphReasoning graph;
    private final Module proj;
    private final Module distribute;
    private final HostConv1d clc0;
    private final HostConv1d clc2;

    GraphHead(
            BackendContext context,
            ParameterPath path,
            GraphReasoning graph,
            StageParameters params) {
        this.graph = graph;
        this.proj = context.compile(graph.proj().spec(), params.of(path, graph.proj()));
        try {
            this.distribute =
                    context.compile(graph.distribute().spec(), params.of(path, graph.distribute()));
        } catch (RuntimeException e) {
            proj.close();
            throw e;
        }
        this.clc0 =
                new HostConv1d(
                        params.get(path.child(graph.clc0()).name(Conv2dSpec.WEIGHT)),
                        params.get(path.child(graph.clc0()).name(Conv2dSpec.BIAS)));
        this.clc2 =
                new HostConv1d(
                        params.get(path.child(graph.clc2()).name(Conv2dSpec.WEIGHT)),
                        params.get(path.child(graph.clc2()).name(Conv2dSpec.BIAS)));
    }

    GraphReasoning graph() {
        return graph;
    }

    /** Empty sums of {@code P @ X^T}: (B, N, C). */
    double[][][] emptySums(int batch) {
        return new double[batch][graph.nodes()][graph.channels()];
    }

    /** Adds {@code P @ X^T} of the pixels of {@code x} (B, C, h, w) to {@code sums}. */
    void accumulate(double[][][] sums, Tensor x) {
        Tensor p = proj.forward(x);
        int batch = x.dim(0);
        int c = graph.channels();
        int n = graph.nodes();
        int hw = x.dim(2) * x.dim(3);
        float[] xd = x.data();
        float[] pd = p.data();
        for (int b = 0; b < batch; b++) {
            for (int node = 0; node < n; node++) {
                int pOff = (b * n + node) * hw;
                for (int ch = 0; ch < c; ch++) {
                    int xOff = (b * c + ch) * hw;
                    double s = 0;
                    for (int i = 0; i < hw; i++) {
                        s += (double) pd[pOff + i] * xd[xOff + i];
                    }
                    sums[b][node][ch] += s;
                }
            }
        }
    }

    /**
     * {@code Yn = CLC(Yw)} per image, (B, N, C), from the sums over all {@code pixels} of the map.
     */
    double[][][] nodeStates(double[][][] sums, long pixels) {
        double[][][] states = new double[sums.length][][];
        for (int b = 0; b < sums.length; b++) {
            double[][] yw = new double[graph.nodes()][];
            for (int node = 0; node < yw.length; node++) {
                yw[node] = sums[b][node].clone();
                if (graph.aggregation() == NodeAggregation.MEAN) {
                    for (int ch = 0; ch < yw[node].length; ch++) {
                        yw[node][ch] /= pixels;
                    }
                }
            }
            states[b] = clc2.apply(HostConv1d.leakyRelu(clc0.apply(yw), graph.slope()));
        }
        return states;
    }

    /** {@code Wp}: softmax over the N nodes of {@code distribute(x)}, (B, N, h, w). */
    Tensor weights(Tensor x) {
        Tensor logits = distribute.forward(x);
        int batch = x.dim(0);
        int n = graph.nodes();
        int hw = x.dim(2) * x.dim(3);
        float[] d = logits.data();
        for (int b = 0; b < batch; b++) {
            int off = b * n * hw;
            for (int i = 0; i < hw; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int node = 0; node < n; node++) {
                    max = Math.max(max, d[off + node * hw + i]);
                }
                double sum = 0;
                for (int node = 0; node < n; node++) {
                    sum += Math.exp(d[off + node * hw + i] - max);
                }
                for (int node = 0; node < n; node++) {
                    d[off + node * hw + i] = (float) (Math.exp(d[off + node * hw + i] - max) / sum);
                }
            }
        }
        return logits;
    }

    /**
     * {@code out = a * (features @ Wp) + b * base}, element by element: each pixel's mix of the
     * per-node features, (B, K, h, w) from {@code features} (B, K, N) and {@code wp} (B, N, h, w),
     * blended into {@code base} of that shape. The mix is rounded to float before the blend, as a
     * mix tensor would be; it is never stored whole, because at an exact tile's output scale it is
     * as large as the tile's features. {@code out} may be {@code base}.
     */
    static void blend(
            double[][][] features, Tensor wp, float a, float[] base, float b, float[] out) {
        int batch = wp.dim(0);
        int n = wp.dim(1);
        int hw = wp.dim(2) * wp.dim(3);
        int k = features[0].length;
        if (base.length != batch * k * hw || out.length != base.length) {
            throw new IllegalArgumentException(
                    "blend of "
                            + batch * k * hw
                            + " values into arrays of "
                            + base.length
                            + " and "
                            + out.length);
        }
        float[] w = wp.data();
        double[] acc = new double[hw];
        for (int bi = 0; bi < batch; bi++) {
            for (int ch = 0; ch < k; ch++) {
                java.util.Arrays.fill(acc, 0);
                for (int node = 0; node < n; node++) {
                    double f = features[bi][ch][node];
                    int off = (bi * n + node) * hw;
                    for (int i = 0; i < hw; i++) {
                        acc[i] += f * w[off + i];
                    }
                }
                int o = (bi * k + ch) * hw;
                for (int i = 0; i < hw; i++) {
                    out[o + i] = a * (float) acc[i] + b * base[o + i];
                }
            }
        }
    }

    @Override
    public void close() {
        proj.close();
        distribute.close();
    }
}
