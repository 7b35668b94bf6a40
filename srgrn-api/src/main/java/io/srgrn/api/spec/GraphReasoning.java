package io.srgrn.api.spec;

import io.srgrn.api.config.NodeAggregation;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3): project pixels onto N nodes, reason
 * over the nodes, and the pixel-wise distribution weights.
 *
 * <pre>
 * P  = proj(X).reshape(B, N, HW)
 * Yw = P @ X.reshape(B, C, HW)^T         (B x N x C), divided by HW for MEAN
 * Yn = clc.2(leaky_relu(clc.0(Yw)))       (Conv1d over N channels, length C)
 * Wp = softmax(distribute(X).reshape(B, N, HW), over N)
 * </pre>
 *
 * Its children sit directly in the owning module ({@code upsample.0.proj}, {@code grrb.clc.0}).
 */
public record GraphReasoning(int channels, int nodes, double slope, NodeAggregation aggregation) {

    /** {@code proj}: Conv2d(C, N, 1), node weights. */
    public Child<Conv2dSpec> proj() {
        return new Child<>("proj", Conv2dSpec.conv1x1(channels, nodes));
    }

    /** {@code distribute}: Conv2d(C, N, 1), pixel weights before the softmax. */
    public Child<Conv2dSpec> distribute() {
        return new Child<>("distribute", Conv2dSpec.conv1x1(channels, nodes));
    }

    /** {@code clc.0}: Conv1d(N, N, 1), node-wise reasoning. */
    public Child<Conv1dSpec> clc0() {
        return new Child<>("clc.0", new Conv1dSpec(nodes, nodes));
    }

    /** {@code clc.2}: Conv1d(N, N, 1); index 1 is the LeakyReLU. */
    public Child<Conv1dSpec> clc2() {
        return new Child<>("clc.2", new Conv1dSpec(nodes, nodes));
    }

    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>();
        params.addAll(proj().parameters());
        params.addAll(distribute().parameters());
        params.addAll(clc0().parameters());
        params.addAll(clc2().parameters());
        return params;
    }

    /** proj, distribute, the aggregation matmul and the two CLC convs on a (B, C, H, W) input. */
    long macs(int batch, int height, int width) {
        long hw = (long) height * width;
        return 3L * batch * nodes * channels * hw + 2L * batch * nodes * nodes * channels;
    }
}
