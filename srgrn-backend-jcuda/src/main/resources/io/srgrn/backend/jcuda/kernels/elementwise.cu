// Element-wise kernels of SRGRN (SPEC 3): activations, additions, bias over (B, C, L) and batched transposes.
// ${T} is the element type and ${BLOCK} the threads per block; KernelSource fills both in.
// Every kernel is a grid-stride loop over n elements, so any grid size is correct.

extern "C" __global__ void relu_forward(${T}* out, const ${T}* in, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        ${T} v = in[i];
        out[i] = v > (${T}) 0 ? v : (${T}) 0;
    }
}

// grad_in = grad_out where the forward output was > 0 (PyTorch's rule: 0 at exactly 0).
extern "C" __global__ void relu_backward(${T}* grad_in, const ${T}* grad_out, const ${T}* out, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        grad_in[i] = out[i] > (${T}) 0 ? grad_out[i] : (${T}) 0;
    }
}

extern "C" __global__ void leaky_relu_forward(${T}* out, const ${T}* in, ${T} slope, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        ${T} v = in[i];
        out[i] = v > (${T}) 0 ? v : v * slope;
    }
}

// Uses the forward input: slope where it was <= 0 (PyTorch's leaky_relu_backward).
extern "C" __global__ void leaky_relu_backward(${T}* grad_in, const ${T}* grad_out, const ${T}* in, ${T} slope,
        long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        grad_in[i] = in[i] > (${T}) 0 ? grad_out[i] : grad_out[i] * slope;
    }
}

// dst += src
extern "C" __global__ void add_into(${T}* dst, const ${T}* src, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        dst[i] += src[i];
    }
}

// out[b, c, l] = in[b, c, l] + bias[c] on a (B, C, L) tensor (Conv1d's bias; cuDNN adds Conv2d's).
extern "C" __global__ void bias_add_ncl(${T}* out, const ${T}* bias, int channels, int length, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        int c = (int) ((i / length) % channels);
        out[i] += bias[c];
    }
}

// grad_bias[c] += sum over b and l of grad_out[b, c, l]; one thread per channel, a fixed order (deterministic).
extern "C" __global__ void bias_grad_ncl(${T}* grad_bias, const ${T}* grad_out, int batch, int channels, int length) {
    int c = blockIdx.x * blockDim.x + threadIdx.x;
    if (c >= channels) {
        return;
    }
    ${T} sum = (${T}) 0;
    for (int b = 0; b < batch; b++) {
        const ${T}* row = grad_out + ((long long) b * channels + c) * length;
        for (int l = 0; l < length; l++) {
            sum += row[l];
        }
    }
    grad_bias[c] += sum;
}

// out[b, j, i] = in[b, i, j] for in of shape (B, R, C): Yn (B, N, C) to Yn^T (B, C, N) and back.
extern "C" __global__ void transpose_batched(${T}* out, const ${T}* in, int rows, int cols, long long n) {
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < n; k += (long long) blockDim.x * gridDim.x) {
        long long per = (long long) rows * cols;
        long long b = k / per;
        int rem = (int) (k % per);
        int i = rem / cols;
        int j = rem % cols;
        out[b * per + (long long) j * rows + i] = in[k];
    }
}
