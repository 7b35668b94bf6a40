package io.srgrn.backend.jcuda;

/**
 * SPEC 3's pixel_shuffle (pixel_shuffle.cu): (B, C*r*r, H, W) to (B, C, rH, rW), and its exact
 * inverse for gradients.
 */
final class PixelShuffle {
    private PixelShuffle() {}

    static DeviceTensor forward(DeviceOps ops, CallScope scope, DeviceTensor in, int r) {
        int b = in.dim(0), c = in.dim(1) / (r * r), h = in.dim(2), w = in.dim(3);
        DeviceTensor out = scope.tensor(b, c, h * r, w * r);
        ops.kernel(
                Kernel.PIXEL_SHUFFLE_FORWARD,
                out.count(),
                out.address(),
                in.address(),
                c,
                h,
                w,
                r,
                out.count());
        return out;
    }

    static DeviceTensor backward(DeviceOps ops, CallScope scope, DeviceTensor gradOut, int r) {
        int b = gradOut.dim(0), c = gradOut.dim(1), h = gradOut.dim(2) / r, w = gradOut.dim(3) / r;
        DeviceTensor gradIn = scope.tensor(b, c * r * r, h, w);
        ops.kernel(
                Kernel.PIXEL_SHUFFLE_BACKWARD,
                gradIn.count(),
                gradIn.address(),
                gradOut.address(),
                c,
                h,
                w,
                r,
                gradIn.count());
        return gradIn;
    }
}
