package io.srgrn.backend.jcuda;

import java.util.List;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Compiles a generated kernel source with NVRTC to CUBIN for the device's exact architecture
 * ({@code sm_XY}), not PTX: a CUBIN runs on a driver older than the runtime, PTX from a newer NVRTC
 * would need the driver to JIT it (see DEPENDENCIES.md).
 */
final class KernelCompiler {
    private KernelCompiler() {}

    /**
     * NVRTC's options for compute capability {@code major.minor}: shared with the GPU-free compile
     * test.
     */
    static List<String> options(int major, int minor) {
        return List.of("--gpu-architecture=sm_" + major + minor, "--std=c++17");
    }

    static byte[] compile(String name, String source, int major, int minor) {
        _nvrtcProgram program = new _nvrtcProgram();
        CudaStatus.nvrtc(
                nvrtc.nvrtcCreateProgram(
                        program,
                        new BytePointer(source),
                        new BytePointer(name + ".cu"),
                        0,
                        (PointerPointer<?>) null,
                        (PointerPointer<?>) null),
                "nvrtcCreateProgram(" + name + ")");
        try {
            List<String> opts = options(major, minor);
            PointerPointer<BytePointer> options = new PointerPointer<>(opts.size());
            for (int i = 0; i < opts.size(); i++) {
                options.put(i, new BytePointer(opts.get(i)));
            }
            int status = nvrtc.nvrtcCompileProgram(program, opts.size(), options);
            if (status != nvrtc.NVRTC_SUCCESS) {
                throw new CudaException(
                        "NVRTC cannot compile kernels/"
                                + name
                                + ".cu for sm_"
                                + major
                                + minor
                                + ":\n"
                                + log(program));
            }
            SizeTPointer size = new SizeTPointer(1);
            CudaStatus.nvrtc(nvrtc.nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
            BytePointer cubin = new BytePointer(size.get());
            CudaStatus.nvrtc(nvrtc.nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN");
            byte[] out = new byte[(int) size.get()];
            cubin.get(out);
            return out;
        } finally {
            nvrtc.nvrtcDestroyProgram(program);
        }
    }

    private static String log(_nvrtcProgram program) {
        SizeTPointer size = new SizeTPointer(1);
        nvrtc.nvrtcGetProgramLogSize(program, size);
        BytePointer log = new BytePointer(size.get());
        nvrtc.nvrtcGetProgramLog(program, log);
        return log.getString();
    }
}
