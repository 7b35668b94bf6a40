package io.srgrn.backend.javacpp;

import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Tensor;

/**
 * Frees a layer's intermediates as soon as it has produced its output, so that an inference's peak
 * memory is that of its largest layer rather than the sum over the network.
 *
 * <p>Every tensor handle belongs to the innermost {@link PointerScope} open when it was created. A
 * {@link #scoped} step runs in a scope of its own, and only its result is attached to the enclosing
 * scope; closing a handle merely drops a reference to the libtorch tensor, so a result that is a
 * view of an intermediate stays valid. With grad mode on (backward, training) nothing is freed
 * early: the autograd graph holds the activations anyway, and the call's scope frees everything
 * when it ends.
 */
final class Intermediates {
    private Intermediates() {}

    /** Runs {@code step}; without grad mode, frees every handle it created except its result. */
    static Tensor scoped(Supplier<Tensor> step) {
        PointerScope outer = PointerScope.getInnerScope();
        if (outer == null || GradMode.is_enabled()) {
            return step.get();
        }
        try (PointerScope inner = new PointerScope()) {
            Tensor out = step.get();
            outer.attach(out);
            return out;
        }
    }

    /**
     * {@code layers} applied one after the other to {@code x}. Each layer runs inside the scope
     * that holds its input, so an input is freed as soon as the next output exists.
     */
    static Tensor chain(List<? extends JavaCppLayer> layers, Tensor x) {
        return chain(layers, layers.size(), x);
    }

    private static Tensor chain(List<? extends JavaCppLayer> layers, int n, Tensor x) {
        if (n == 0) {
            return x;
        }
        return scoped(() -> layers.get(n - 1).forward(chain(layers, n - 1, x)));
    }
}
