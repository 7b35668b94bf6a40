package io.srgrn.backend.djl;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees a direct buffer now rather than when the garbage collector notices it. A direct buffer's
 * native memory goes back only when its (small) Java object is collected, which a large heap may
 * not do for many tiles: exact tiling of a 1000x1000 image held 0.67 GB of spent transfer buffers
 * this way (docs/RESULTS.md, "Large images").
 */
final class DirectBuffers {
    private static final Logger LOG = LoggerFactory.getLogger(DirectBuffers.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            // sun.misc.Unsafe.invokeCleaner (jdk.unsupported, Java 9+): the supported way to free a
            // direct buffer early; absent, buffers are left to the collector as before.
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("direct buffers are freed by the garbage collector only: {}", e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private DirectBuffers() {}

    /** Whether {@link #free} releases memory at once on this JVM. */
    static boolean freesEarly() {
        return INVOKE_CLEANER != null;
    }

    /**
     * Releases {@code buffer}'s native memory now; the buffer (and every view of it) must not be
     * used afterwards.
     */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not free a direct buffer early: {}", e.toString());
        }
    }
}
