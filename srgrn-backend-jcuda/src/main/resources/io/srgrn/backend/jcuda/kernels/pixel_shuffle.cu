// SPEC 3: pixel_shuffle(x, r): out[b, c, h*r + i, w*r + j] = x[b, c*r*r + i*r + j, h, w] (PyTorch / ESPCN order).
// in: (B, C*r*r, H, W), out: (B, C, H*r, W*r). One thread per output element; backward is the exact inverse
// permutation, so neither needs atomics.

extern "C" __global__ void pixel_shuffle_forward(${T}* out, const ${T}* in, int channels, int height, int width, int r,
        long long n) {
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < n; k += (long long) blockDim.x * gridDim.x) {
        int ow = width * r;
        int oh = height * r;
        int x = (int) (k % ow);
        int y = (int) ((k / ow) % oh);
        long long bc = k / ((long long) ow * oh);
        int c = (int) (bc % channels);
        long long b = bc / channels;
        int h = y / r, i = y % r, w = x / r, j = x % r;
        long long src = ((b * channels * r * r + (long long) c * r * r + i * r + j) * height + h) * width + w;
        out[k] = in[src];
    }
}

// grad_in[b, c*r*r + i*r + j, h, w] = grad_out[b, c, h*r + i, w*r + j]
extern "C" __global__ void pixel_shuffle_backward(${T}* grad_in, const ${T}* grad_out, int channels, int height,
        int width, int r, long long n) {
    for (long long k = blockIdx.x * (long long) blockDim.x + threadIdx.x; k < n; k += (long long) blockDim.x * gridDim.x) {
        int w = (int) (k % width);
        int h = (int) ((k / width) % height);
        long long bq = k / ((long long) width * height);
        int q = (int) (bq % ((long long) channels * r * r));
        long long b = bq / ((long long) channels * r * r);
        int c = q / (r * r), i = (q % (r * r)) / r, j = q % r;
        long long dst = ((b * channels + c) * (long long) (height * r) + (h * r + i)) * (long long) (width * r) + (w * r + j);
        grad_in[k] = grad_out[dst];
    }
}
