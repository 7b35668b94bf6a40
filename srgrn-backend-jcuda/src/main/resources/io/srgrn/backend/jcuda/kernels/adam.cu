// SPEC 5 / torch.optim.Adam (no weight decay, no amsgrad), in place on the device:
//   m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
//   p = p - step_size * m / (sqrt(v) / correction2_sqrt + eps)
// with step_size = lr / (1 - beta1^t) and correction2_sqrt = sqrt(1 - beta2^t) computed on the host in double.

extern "C" __global__ void adam_update(${T}* param, const ${T}* grad, ${T}* m, ${T}* v, ${T} beta1, ${T} beta2, ${T} eps,
        ${T} step_size, ${T} correction2_sqrt, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        ${T} g = grad[i];
        ${T} mi = beta1 * m[i] + ((${T}) 1 - beta1) * g;
        ${T} vi = beta2 * v[i] + ((${T}) 1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        param[i] -= step_size * mi / (sqrtf(vi) / correction2_sqrt + eps);
    }
}
