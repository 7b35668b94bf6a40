package io.srgrn.backend.javacpp;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * Native objects that outlive one call (parameters, moments, constants). Each is retained once more
 * than the {@link org.bytedeco.javacpp.PointerScope} it may have been created in holds it, so the
 * scope's close leaves it alive; {@link #close()} drops that reference and frees it.
 */
final class NativeHandles implements AutoCloseable {
    private final List<Pointer> kept = new ArrayList<>();

    /** Keeps {@code p} alive until {@link #close()} or {@link #release}. */
    <P extends Pointer> P keep(P p) {
        p.retainReference();
        kept.add(p);
        return p;
    }

    /** Frees one handle kept earlier, before the others. */
    void release(Pointer p) {
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i) == p) {
                kept.remove(i);
                p.releaseReference();
                return;
            }
        }
    }

    int size() {
        return kept.size();
    }

    @Override
    public void close() {
        for (int i = kept.size() - 1; i >= 0; i--) {
            kept.get(i).releaseReference();
        }
        kept.clear();
    }
}
