package io.srgrn.backend.javacpp;

/**
 * JavaCPP refuses new native handles once the process's resident memory exceeds {@code
 * org.bytedeco.javacpp.maxPhysicalBytes} (by default a multiple of {@code -Xmx}), and it counts
 * libtorch's own allocations, which it does not manage, against that limit: a large training batch
 * on a small heap then fails with an {@link OutOfMemoryError} that names only JavaCPP's numbers.
 * This adds what to do about it.
 */
final class PhysicalMemoryLimit {
    private static final String JAVACPP_MESSAGE = "Physical memory usage is too high";

    private PhysicalMemoryLimit() {}

    static OutOfMemoryError explain(OutOfMemoryError e) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(JAVACPP_MESSAGE)) {
            return e;
        }
        OutOfMemoryError explained =
                new OutOfMemoryError(
                        message
                                + ". JavaCPP counts libtorch's activations and"
                                + " autograd graph against -Dorg.bytedeco.javacpp.maxPhysicalBytes, which defaults to a multiple of -Xmx:"
                                + " start the JVM with a larger value (0 disables the check) or a larger -Xmx, or use a smaller batch");
        explained.initCause(e);
        return explained;
    }
}
