package io.srgrn.backend.jcuda;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every kernel of {@link Kernel}, compiled by NVRTC for this device when the context opens, loaded
 * with {@code cuModuleLoadData} and launched with {@code cuLaunchKernel} on the context's stream
 * after {@link KernelArguments} checked the arguments. Closing unloads the modules.
 */
final class KernelModules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelModules.class);
    private final List<CUmod_st> modules = new ArrayList<>();
    private final Map<Kernel, CUfunc_st> functions = new EnumMap<>(Kernel.class);
    private final CUstream_st stream;

    KernelModules(int major, int minor, CUstream_st stream) {
        this.stream = stream;
        Map<String, List<Kernel>> byFile = new LinkedHashMap<>();
        for (Kernel k : Kernel.values()) {
            byFile.computeIfAbsent(k.file(), f -> new ArrayList<>()).add(k);
        }
        long start = System.nanoTime();
        try {
            for (Map.Entry<String, List<Kernel>> e : byFile.entrySet()) {
                String source = KernelSource.generate(e.getKey(), KernelSource.float32());
                byte[] cubin = KernelCompiler.compile(e.getKey(), source, major, minor);
                CUmod_st module = new CUmod_st();
                CudaStatus.driver(
                        cudart.cuModuleLoadData(module, new BytePointer(cubin)),
                        "cuModuleLoadData(" + e.getKey() + ")");
                modules.add(module);
                for (Kernel k : e.getValue()) {
                    CUfunc_st f = new CUfunc_st();
                    CudaStatus.driver(
                            cudart.cuModuleGetFunction(f, module, k.symbol()),
                            "cuModuleGetFunction(" + k.symbol() + ")");
                    functions.put(k, f);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.debug(
                "compiled {} kernels for sm_{}{} in {} ms",
                functions.size(),
                major,
                minor,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Launches {@code kernel} over {@code n} elements (grid-stride: any n) with checked arguments.
     */
    void launch(Kernel kernel, long n, Object... args) {
        launchGrid(kernel, KernelArguments.gridFor(n), args);
    }

    /** Launches {@code kernel} on {@code blocks} blocks of {@link KernelSource#BLOCK} threads. */
    void launchGrid(Kernel kernel, int blocks, Object... args) {
        KernelArguments checked = KernelArguments.of(kernel, args);
        List<Object> values = checked.values();
        List<Pointer> holders = new ArrayList<>(values.size());
        try (PointerPointer<Pointer> params = new PointerPointer<>(values.size())) {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                Pointer holder;
                if (v instanceof Long l) {
                    holder = new LongPointer(1).put(l);
                } else if (v instanceof Integer x) {
                    holder = new IntPointer(1).put(x);
                } else {
                    holder = new FloatPointer(1).put((Float) v);
                }
                holders.add(holder);
                params.put(i, holder);
            }
            CudaStatus.driver(
                    cudart.cuLaunchKernel(
                            functions.get(kernel),
                            blocks,
                            1,
                            1,
                            KernelSource.BLOCK,
                            1,
                            1,
                            0,
                            stream,
                            params,
                            (PointerPointer<?>) null),
                    "cuLaunchKernel(" + kernel.symbol() + ")");
        } finally {
            holders.forEach(Pointer::close);
        }
    }

    @Override
    public void close() {
        for (CUmod_st m : modules) {
            cudart.cuModuleUnload(m);
        }
        modules.clear();
        functions.clear();
    }
}
