package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Device;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * One libtorch device and the float32 copies between the Java heap and it. The two are the only
 * places where tensor data crosses between Java and libtorch.
 *
 * <p>Tensors this class returns belong to the caller's {@link org.bytedeco.javacpp.PointerScope}.
 */
final class TorchDevice implements AutoCloseable {
    private final Device device;
    private final org.bytedeco.pytorch.Device nativeDevice;
    private final org.bytedeco.pytorch.Device cpu;
    private final TensorOptions hostFloat;
    private final NativeHandles handles = new NativeHandles();

    TorchDevice(Device device) {
        this.device = device;
        this.cpu = handles.keep(new org.bytedeco.pytorch.Device(torch.DeviceType.CPU));
        this.nativeDevice =
                device.isCpu()
                        ? cpu
                        : handles.keep(
                                new org.bytedeco.pytorch.Device(
                                        torch.DeviceType.CUDA, (byte) device.index()));
        this.hostFloat = handles.keep(new TensorOptions(torch.ScalarType.Float));
    }

    Device device() {
        return device;
    }

    /** A new float32 tensor on this device holding a copy of {@code host}. */
    Tensor upload(io.srgrn.api.tensor.Tensor host) {
        Tensor t = torch.empty(toLong(host.shape()), hostFloat, new MemoryFormatOptional());
        float[] data = host.data();
        if (data.length > 0) {
            t.data_ptr_float().put(data);
        }
        return device.isCpu() ? t : t.to(nativeDevice, torch.ScalarType.Float);
    }

    /**
     * A Java copy of {@code t}, which must have {@code expectedShape} (a mismatch is a backend
     * bug).
     */
    io.srgrn.api.tensor.Tensor download(Tensor t, int[] expectedShape) {
        long[] sizes = t.sizes().vec().get();
        int[] shape = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            shape[i] = Math.toIntExact(sizes[i]);
        }
        if (!Arrays.equals(shape, expectedShape)) {
            throw new IllegalStateException(
                    "libtorch produced shape "
                            + Arrays.toString(shape)
                            + " where "
                            + Arrays.toString(expectedShape)
                            + " was expected");
        }
        Tensor host = t.to(cpu, torch.ScalarType.Float).contiguous();
        float[] data = new float[Math.toIntExact(host.numel())];
        if (data.length > 0) {
            FloatPointer p = host.data_ptr_float();
            p.get(data);
        }
        return io.srgrn.api.tensor.Tensor.of(data, shape);
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    @Override
    public void close() {
        handles.close();
    }
}
