// SPEC 5: L1 loss = mean |y - t|; its value is reduce.cu's mode 2 scaled by 1/n. Its gradient with respect to
// y is sign(y - t) / n, with 0 where y == t (PyTorch's sign).

extern "C" __global__ void l1_backward(${T}* grad, const ${T}* y, const ${T}* target, ${T} inv_n, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        ${T} d = y[i] - target[i];
        grad[i] = d > (${T}) 0 ? inv_n : (d < (${T}) 0 ? -inv_n : (${T}) 0);
    }
}
