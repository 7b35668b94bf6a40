// Deterministic reductions in two passes (no atomics, so a repeated run gives the same bits):
// pass 1 writes one partial sum per block, pass 2 (one block) sums the partials in a fixed order.
// mode 0: sum(x * y)          (gamma gradient of the GRRB residual)
// mode 1: sum(x * (y - z))    (gamma gradient of the GRUM mix)
// mode 2: sum(|x - y|)        (L1 loss)
// ${BLOCK} must be a power of two; launch with exactly ${BLOCK} threads per block.

extern "C" __global__ void reduce_partial(${T}* partial, const ${T}* x, const ${T}* y, const ${T}* z, int mode,
        long long n) {
    __shared__ ${T} cache[${BLOCK}];
    ${T} sum = (${T}) 0;
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        if (mode == 0) {
            sum += x[i] * y[i];
        } else if (mode == 1) {
            sum += x[i] * (y[i] - z[i]);
        } else {
            sum += fabsf(x[i] - y[i]);
        }
    }
    cache[threadIdx.x] = sum;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) {
            cache[threadIdx.x] += cache[threadIdx.x + s];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = cache[0];
    }
}

// result[0] = scale * sum(partial) (+ result[0] when accumulate); one block of ${BLOCK} threads.
extern "C" __global__ void reduce_final(${T}* result, const ${T}* partial, int count, ${T} scale, int accumulate) {
    __shared__ ${T} cache[${BLOCK}];
    ${T} sum = (${T}) 0;
    for (int i = threadIdx.x; i < count; i += blockDim.x) {
        sum += partial[i];
    }
    cache[threadIdx.x] = sum;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) {
            cache[threadIdx.x] += cache[threadIdx.x + s];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        ${T} v = scale * cache[0];
        result[0] = accumulate ? result[0] + v : v;
    }
}
