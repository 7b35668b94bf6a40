package io.srgrn.backend.javacpp;

import org.bytedeco.pytorch.GradMode;

/**
 * Sets libtorch's grad mode for a block and restores it after. Grad mode is thread-local in
 * libtorch, so every entry point sets it explicitly instead of trusting the calling thread's state.
 */
final class GradModeScope implements AutoCloseable {
    private final boolean previous;

    private GradModeScope(boolean enabled) {
        previous = GradMode.is_enabled();
        GradMode.set_enabled(enabled);
    }

    static GradModeScope enabled() {
        return new GradModeScope(true);
    }

    static GradModeScope disabled() {
        return new GradModeScope(false);
    }

    @Override
    public void close() {
        GradMode.set_enabled(previous);
    }
}
