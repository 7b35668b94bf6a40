// Channel concatenation (RDB's dense connections, the global feature fusion) as slice copies between
// NCHW tensors with different channel counts: dst[b, dst_offset + c, p] (=|+=) src[b, src_offset + c, p]
// for c < count and p < plane (= H*W). Forward concatenation copies into a slice; its backward copies a
// slice of the gradient out (accumulate = 0) or adds a gradient into a slice (accumulate = 1).

extern "C" __global__ void channel_copy(${T}* dst, int dst_channels, int dst_offset, const ${T}* src, int src_channels,
        int src_offset, int count, int plane, int accumulate, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        long long per = (long long) count * plane;
        long long b = i / per;
        int rem = (int) (i % per);
        int c = rem / plane;
        int p = rem % plane;
        ${T} v = src[(b * src_channels + src_offset + c) * plane + p];
        ${T}* d = dst + (b * dst_channels + dst_offset + c) * plane + p;
        if (accumulate) {
            *d += v;
        } else {
            *d = v;
        }
    }
}
