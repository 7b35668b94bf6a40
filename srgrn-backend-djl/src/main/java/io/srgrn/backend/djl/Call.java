package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.function.Supplier;

/**
 * The native scope of one module call. Inputs go into {@link #manager()}, so every intermediate
 * lands there too; the {@link NDScope} also catches arrays that DJL attaches elsewhere (results
 * whose first operand is a parameter, gradient handles). Closing frees all of them, so native
 * memory does not grow from call to call. It also sets libtorch's grad mode, which is thread-local,
 * for the duration of the call and restores it.
 *
 * <p>Without grad mode nothing needs the intermediates once they are consumed, so layers run their
 * steps in {@link #scoped} blocks, which free everything a step made except its result, and the
 * peak memory of a forward pass is that of its largest layer, not of the whole network. With grad
 * mode autograd needs them until the backward pass, and they go when the call closes.
 *
 * <p>Calls do not nest: {@link NDScope#unregister} acts on the innermost scope of the thread.
 */
final class Call implements AutoCloseable {
    private final NDManager owner;
    private final NDManager manager;
    private final NDScope scope;
    private final boolean previousGradMode;
    private final boolean gradMode;

    private Call(NDManager owner, boolean gradMode) {
        this.owner = owner;
        this.previousGradMode = JniUtils.isGradMode();
        this.manager = owner.newSubManager();
        this.scope = new NDScope();
        this.gradMode = gradMode;
        JniUtils.setGradMode(gradMode);
    }

    /**
     * Opens a call whose temporaries hang below {@code owner}; {@code gradMode} enables autograd.
     */
    static Call open(NDManager owner, boolean gradMode) {
        return new Call(owner, gradMode);
    }

    NDManager manager() {
        return manager;
    }

    NDArray scalar(double value) {
        return Ops.scalar(manager, value);
    }

    /**
     * Runs {@code step} and, without grad mode, frees every array it created except its result,
     * which joins the enclosing scope. The result may be (a view of) an input: closing a libtorch
     * handle only drops a reference, so views stay valid.
     */
    NDArray scoped(Supplier<NDArray> step) {
        if (gradMode) {
            return step.get();
        }
        NDArray out;
        try (NDScope inner = new NDScope()) {
            out = step.get();
            NDScope.unregister(out);
        }
        NDScope.register(out);
        return out;
    }

    /**
     * {@code layers} applied one after the other to {@code x}. Each layer runs inside the scope
     * that holds its input, so without grad mode an input is freed as soon as the next output
     * exists.
     */
    NDArray chain(List<? extends DjlLayer> layers, NDArray x) {
        return chain(layers, layers.size(), x);
    }

    private NDArray chain(List<? extends DjlLayer> layers, int n, NDArray x) {
        if (n == 0) {
            return x;
        }
        return scoped(() -> layers.get(n - 1).apply(chain(layers, n - 1, x), this));
    }

    /** Moves {@code array} out of the call, into {@link #owner}: it survives {@link #close()}. */
    NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(owner);
        return array;
    }

    @Override
    public void close() {
        try {
            JniUtils.setGradMode(previousGradMode);
        } finally {
            try {
                scope.close();
            } finally {
                manager.close();
            }
        }
    }
}
