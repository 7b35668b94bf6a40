package io.srgrn.backend.jcuda;

/**
 * Channel-slice copies between NCHW tensors (concat.cu): the dense connections' concatenation and
 * its backward.
 */
final class Concat {
    private Concat() {}

    /** dst[:, dstOffset + c] (=|+=) src[:, srcOffset + c] for c < count. */
    static void copy(
            DeviceOps ops,
            DeviceTensor dst,
            int dstOffset,
            DeviceTensor src,
            int srcOffset,
            int count,
            boolean accumulate) {
        int batch = dst.dim(0);
        int plane = dst.dim(2) * dst.dim(3);
        long n = (long) batch * count * plane;
        ops.kernel(
                Kernel.CHANNEL_COPY,
                n,
                dst.address(),
                dst.dim(1),
                dstOffset,
                src.address(),
                src.dim(1),
                srcOffset,
                count,
                plane,
                accumulate ? 1 : 0,
                n);
    }

    /** A new tensor holding channels [offset, offset + count) of {@code src}. */
    static DeviceTensor slice(
            DeviceOps ops, CallScope scope, DeviceTensor src, int offset, int count) {
        DeviceTensor out = scope.tensor(src.dim(0), count, src.dim(2), src.dim(3));
        copy(ops, out, 0, src, offset, count, false);
        return out;
    }
}
