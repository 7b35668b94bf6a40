package io.srgrn.backend.jcuda;

/**
 * (B, R, C) to (B, C, R): Yn to Yn^T for the Conv1d over channels and the GRRB product, and back.
 */
final class Transpose {
    private Transpose() {}

    static DeviceTensor of(DeviceOps ops, CallScope scope, DeviceTensor in) {
        int b = in.dim(0), rows = in.dim(1), cols = in.dim(2);
        DeviceTensor out = scope.tensor(b, cols, rows);
        ops.kernel(
                Kernel.TRANSPOSE_BATCHED,
                in.count(),
                out.address(),
                in.address(),
                rows,
                cols,
                in.count());
        return out;
    }
}
