package io.srgrn.backend.javacpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;

/**
 * What JavaCPP's PyTorch presets offer on this machine, found by looking at class-path resources
 * and {@code /proc}/{@code /dev} only: nothing here loads a native library, so discovery and
 * availability stay safe in a JVM that runs another libtorch.
 *
 * <p>JavaCPP keeps the natives of one platform under {@code org/bytedeco/pytorch/<platform>/} (CPU
 * classifier jar) or {@code org/bytedeco/pytorch/<platform>-gpu/} (CUDA classifier jar); when both
 * are present its loader prefers the {@code -gpu} folder, and so does {@link #nativeFolder()}.
 */
final class NativeArtifacts {
    static final String RESOURCE_ROOT = "org/bytedeco/pytorch/";
    static final String PRESETS_CLASS = "org/bytedeco/pytorch/global/torch.class";
    static final String GPU_EXTENSION = "-gpu";
    private static final String POM_PROPERTIES =
            "META-INF/maven/org.bytedeco/pytorch/pom.properties";

    private final ClassLoader loader;
    private final String platform;

    NativeArtifacts(ClassLoader loader, String platform) {
        this.loader = loader;
        this.platform = platform;
    }

    /** The artifacts visible to this module's class loader on the platform JavaCPP detects. */
    static NativeArtifacts onClassPath() {
        // Loader's static initialiser only reads system properties; Loader.load is what loads
        // natives.
        return new NativeArtifacts(NativeArtifacts.class.getClassLoader(), Loader.getPlatform());
    }

    String platform() {
        return platform;
    }

    /** The file name of libtorch's CPU library on this platform. */
    String libtorchCpuFile() {
        if (platform.startsWith("windows")) {
            return "torch_cpu.dll";
        }
        return platform.startsWith("macosx") ? "libtorch_cpu.dylib" : "libtorch_cpu.so";
    }

    boolean hasPresetClasses() {
        return loader.getResource(PRESETS_CLASS) != null;
    }

    boolean hasCpuNatives() {
        return loader.getResource(RESOURCE_ROOT + platform + "/" + libtorchCpuFile()) != null;
    }

    boolean hasGpuNatives() {
        return loader.getResource(
                        RESOURCE_ROOT + platform + GPU_EXTENSION + "/" + libtorchCpuFile())
                != null;
    }

    /** The resource folder JavaCPP will load libtorch from: the {@code -gpu} one when present. */
    String nativeFolder() {
        return hasGpuNatives() ? platform + GPU_EXTENSION : platform;
    }

    /** The class-path resource of libtorch_cpu that will be loaded, with a leading slash. */
    String libtorchCpuResource() {
        return "/" + RESOURCE_ROOT + nativeFolder() + "/" + libtorchCpuFile();
    }

    /**
     * The presets' version (e.g. {@code 2.10.0-1.5.13}) from the jar's Maven metadata, or
     * "unknown".
     */
    String presetsVersion() {
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + POM_PROPERTIES + ": " + e.getMessage(), e);
        }
    }
}
