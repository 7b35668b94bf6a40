package io.srgrn.api.spi;

/**
 * How a backend context is opened.
 *
 * @param threads intra-op CPU threads; 0 lets the backend choose (usually the core count)
 */
public record BackendOptions(int threads) {
    public BackendOptions {
        if (threads < 0) {
            throw new IllegalArgumentException(
                    "threads must be >= 0 (0 = backend default), got " + threads);
        }
    }

    public static BackendOptions defaults() {
        return new BackendOptions(0);
    }
}
