// SPEC 3.3: Wp = softmax over the N nodes of logits (B, N, L), for each of the L pixels; the maximum is
// subtracted first. One thread per (b, l), looping over the N nodes (N is small: 10 in the paper).

extern "C" __global__ void node_softmax_forward(${T}* out, const ${T}* logits, int nodes, int length, long long pixels) {
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < pixels; k += (long long) blockDim.x * gridDim.x) {
        long long b = k / length;
        int l = (int) (k % length);
        const ${T}* z = logits + b * nodes * length + l;
        ${T}* y = out + b * nodes * length + l;
        ${T} m = z[0];
        for (int i = 1; i < nodes; i++) {
            m = fmaxf(m, z[(long long) i * length]);
        }
        ${T} sum = (${T}) 0;
        for (int i = 0; i < nodes; i++) {
            ${T} e = expf(z[(long long) i * length] - m);
            y[(long long) i * length] = e;
            sum += e;
        }
        for (int i = 0; i < nodes; i++) {
            y[(long long) i * length] /= sum;
        }
    }
}

// dz_n = y_n * (g_n - sum_m y_m g_m), from the softmax output y.
extern "C" __global__ void node_softmax_backward(${T}* grad_logits, const ${T}* grad_out, const ${T}* out, int nodes,
        int length, long long pixels) {
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < pixels; k += (long long) blockDim.x * gridDim.x) {
        long long base = (k / length) * nodes * length + (k % length);
        ${T} weighted = (${T}) 0;
        for (int i = 0; i < nodes; i++) {
            long long at = base + (long long) i * length;
            weighted += out[at] * grad_out[at];
        }
        for (int i = 0; i < nodes; i++) {
            long long at = base + (long long) i * length;
            grad_logits[at] = out[at] * (grad_out[at] - weighted);
        }
    }
}
