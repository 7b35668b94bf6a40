package io.srgrn.backend.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What DJL's PyTorch engine would find on the class path, read from the jars' property files
 * without loading any class that touches native code: the engine classes, the JNI jar and each
 * libtorch native jar (flavour, version, platform).
 *
 * <p>The checks mirror how DJL 0.36 chooses its natives ({@code ai.djl.util.Platform}, {@code
 * ai.djl.pytorch.jni.LibUtils}): whenever DJL would not find a consistent set it falls back to
 * downloading libtorch, which this backend treats as "unavailable" instead.
 */
record NativeBundle(
        boolean engineClasses,
        String engineDjlVersion,
        String jniVersion,
        List<Native> natives,
        ClassLoader loader) {

    static final String ENGINE_CLASS = "ai.djl.pytorch.engine.PtEngine";
    static final String ENGINE_PROPERTIES = "pytorch-engine.properties";
    static final String JNI_PROPERTIES = "jnilib/pytorch.properties";
    static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";

    /**
     * One {@code pytorch-native-*} jar: e.g. flavour {@code cpu}, version {@code 2.7.1-20250812}.
     */
    record Native(String flavor, String version, String classifier, URL source) {

        boolean isCuda() {
            return flavor.startsWith("cu");
        }

        /**
         * {@code 2.7.1} from {@code 2.7.1-20250812}: the part DJL matches against the JNI version.
         */
        String libtorchVersion() {
            int dash = version.indexOf('-');
            return dash < 0 ? version : version.substring(0, dash);
        }

        @Override
        public String toString() {
            return "pytorch-native-" + flavor + " " + version + " (" + classifier + ")";
        }
    }

    static NativeBundle scan(ClassLoader loader) {
        boolean engine = isPresent(ENGINE_CLASS, loader);
        Properties engineProps = load(loader.getResource(ENGINE_PROPERTIES));
        Properties jniProps = load(loader.getResource(JNI_PROPERTIES));
        List<Native> natives = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(NATIVE_PROPERTIES);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                Properties p = load(url);
                String flavor = p.getProperty("flavor", "");
                String version = p.getProperty("version", "");
                String classifier = p.getProperty("classifier", "");
                if (p.getProperty("placeholder") == null
                        && !flavor.isEmpty()
                        && !version.isEmpty()) {
                    natives.add(new Native(flavor, version, classifier, url));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list " + NATIVE_PROPERTIES + " on the class path", e);
        }
        return new NativeBundle(
                engine,
                engineProps == null ? null : engineProps.getProperty("djl_version"),
                jniProps == null ? null : jniProps.getProperty("jni_version"),
                List.copyOf(natives),
                loader);
    }

    /** DJL's platform name for this machine, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String prefix =
                os.startsWith("linux")
                        ? "linux"
                        : os.startsWith("mac") ? "osx" : os.startsWith("win") ? "win" : os;
        String arch = System.getProperty("os.arch", "");
        return prefix + "-" + ("amd64".equals(arch) ? "x86_64" : arch);
    }

    /** The native jars built for this platform. */
    List<Native> forPlatform() {
        String platform = platform();
        return natives.stream().filter(n -> n.classifier().equals(platform)).toList();
    }

    /** True when the JNI jar holds the glue library for {@code flavor} on this platform. */
    boolean hasJniLibrary(String flavor) {
        String name = System.mapLibraryName("djl_torch");
        return loader.getResource("jnilib/" + platform() + "/" + flavor + "/" + name) != null;
    }

    /**
     * DJL accepts a JNI jar only when its version starts with {@code libtorch-djl}, e.g. {@code
     * 2.7.1-0.36.0}.
     */
    boolean jniMatches(Native n) {
        return jniVersion != null
                && engineDjlVersion != null
                && jniVersion.startsWith(n.libtorchVersion() + "-" + engineDjlVersion);
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            // initialize = false: looking must not run static initialisers that could load natives.
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Properties load(URL url) {
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        return p;
    }
}
