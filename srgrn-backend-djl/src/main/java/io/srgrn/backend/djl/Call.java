package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The native scope of one module call. Inputs go into {@link #manager()}, so every intermediate
 * lands there too; the {@link NDScope} also catches arrays that DJL attaches elsewhere (results
 * whose first operand is a parameter, gradient handles). Closing frees all of them, so native
 * memory does not grow from call to call. It also sets libtorch's grad mode, which is thread-local,
 * for the duration of the call and restores it.
 *
 * <p>Not nestable: {@link NDScope#unregister} acts on the innermost scope of the thread.
 */
final class Call implements AutoCloseable {
    private final NDManager owner;
    private final NDManager manager;
    private final NDScope scope;
    private final boolean previousGradMode;

    private Call(NDManager owner, boolean gradMode) {
        this.owner = owner;
        this.previousGradMode = JniUtils.isGradMode();
        this.manager = owner.newSubManager();
        this.scope = new NDScope();
        JniUtils.setGradMode(gradMode);
    }

    /** Opens a call whose temporaries hang below {@code owner}; {@code gradMode} enables autograd. */
    static Call open(NDManager owner, boolean gradMode) {
        return new Call(owner, gradMode);
    }

    NDManager manager() {
        return manager;
    }

    NDArray scalar(double value) {
        return Ops.scalar(manager, value);
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
