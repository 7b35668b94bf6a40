// SPEC 3.4 and 3.5: the gamma blends, with gamma read from device memory (a parameter, never copied to the host).
//   GRUM: out = gamma * a + (1 - gamma) * b     GRRB: out = gamma * a + b
// The gradient of gamma is a reduction (reduce.cu): sum(g * (a - b)) for the mix, sum(g * a) for the residual.

extern "C" __global__ void gamma_mix_forward(${T}* out, const ${T}* a, const ${T}* b, const ${T}* gamma, long long n) {
    ${T} g = gamma[0];
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = g * a[i] + ((${T}) 1 - g) * b[i];
    }
}

// grad_a = gamma * g, grad_b = (1 - gamma) * g
extern "C" __global__ void gamma_mix_backward(${T}* grad_a, ${T}* grad_b, const ${T}* grad_out, const ${T}* gamma,
        long long n) {
    ${T} g = gamma[0];
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        grad_a[i] = g * grad_out[i];
        grad_b[i] = ((${T}) 1 - g) * grad_out[i];
    }
}

extern "C" __global__ void gamma_residual_forward(${T}* out, const ${T}* a, const ${T}* b, const ${T}* gamma, long long n) {
    ${T} g = gamma[0];
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = g * a[i] + b[i];
    }
}

// grad_a = gamma * g (grad_b is g itself)
extern "C" __global__ void gamma_scale(${T}* out, const ${T}* in, const ${T}* gamma, long long n) {
    ${T} g = gamma[0];
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = g * in[i];
    }
}
