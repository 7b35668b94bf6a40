package io.srgrn.backend.jcuda;

import java.util.ArrayList;
import java.util.List;

/**
 * What one layer needs on the device for one input shape, from {@link ShapePlanner}: its output
 * shape, the activations it keeps for backward, its scratch buffers, its cuDNN convolutions and
 * cuBLAS GEMMs, and its children's plans. cuDNN's own workspace is not here: it depends on the
 * algorithm cuDNN picks on the device, and is asked for (and taken from the allocator) when a
 * convolution first runs.
 */
record LayerPlan(
        String layer,
        int[] input,
        int[] output,
        List<BufferPlan> saved,
        List<BufferPlan> scratch,
        List<ConvDescriptor> convs,
        List<GemmStridedBatched> gemms,
        List<LayerPlan> children) {

    LayerPlan {
        input = input.clone();
        output = output.clone();
        saved = List.copyOf(saved);
        scratch = List.copyOf(scratch);
        convs = List.copyOf(convs);
        gemms = List.copyOf(gemms);
        children = List.copyOf(children);
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    @Override
    public int[] output() {
        return output.clone();
    }

    /** Bytes of every activation kept for backward, this layer's and its children's. */
    long savedBytes() {
        long n = saved.stream().mapToLong(BufferPlan::bytes).sum();
        for (LayerPlan c : children) {
            n += c.savedBytes();
        }
        return n;
    }

    /** The largest scratch area of this layer or any child (scratch is not kept across layers). */
    long scratchBytes() {
        long n = scratch.stream().mapToLong(BufferPlan::bytes).sum();
        for (LayerPlan c : children) {
            n = Math.max(n, c.scratchBytes());
        }
        return n;
    }

    /** Every convolution of this layer and its children, in execution order. */
    List<ConvDescriptor> allConvs() {
        List<ConvDescriptor> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(LayerPlan p, List<ConvDescriptor> out) {
        out.addAll(p.convs);
        p.children.forEach(c -> collect(c, out));
    }

    /** Every GEMM of this layer and its children. */
    List<GemmStridedBatched> allGemms() {
        List<GemmStridedBatched> out = new ArrayList<>(gemms);
        children.forEach(c -> out.addAll(c.allGemms()));
        return out;
    }
}
