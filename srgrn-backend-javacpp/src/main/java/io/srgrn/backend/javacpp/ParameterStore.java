package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.pytorch.Tensor;

/**
 * The parameters of one compiled module as libtorch leaf tensors (requiring grad) on its device, by
 * SPEC name in spec order. They stay in native memory for the module's life: training updates them
 * in place and nothing copies them to the Java heap unless asked.
 */
final class ParameterStore implements AutoCloseable {
    private final LayerSpec spec;
    private final Map<String, Tensor> leaves = new LinkedHashMap<>();
    private final Set<String> resolved = new TreeSet<>();
    private final NativeHandles handles = new NativeHandles();

    /**
     * Uploads {@code values}, which {@link io.srgrn.api.spi.ParameterCheck#requireComplete}
     * accepted.
     */
    ParameterStore(
            LayerSpec spec, Map<String, io.srgrn.api.tensor.Tensor> values, TorchDevice device) {
        this.spec = spec;
        for (ParamSpec p : spec.parameters()) {
            Tensor t = device.upload(values.get(p.name()));
            t.set_requires_grad(true);
            leaves.put(p.name(), handles.keep(t));
        }
    }

    /** The leaf tensor of {@code name}; layers call this while they are built. */
    Tensor leaf(String name) {
        Tensor t = leaves.get(name);
        if (t == null) {
            throw new IllegalStateException(
                    "layer asked for parameter '"
                            + name
                            + "', which "
                            + spec.describe()
                            + " does not declare");
        }
        resolved.add(name);
        return t;
    }

    /** Fails unless the layers built so far used every parameter of the spec. */
    void requireAllUsed() {
        Set<String> unused = new TreeSet<>(leaves.keySet());
        unused.removeAll(resolved);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(
                    "the libtorch layers of "
                            + spec.describe()
                            + " leave parameters unused: "
                            + unused);
        }
    }

    List<String> names() {
        return new ArrayList<>(leaves.keySet());
    }

    /** The leaves in spec order. */
    List<Tensor> tensors() {
        return new ArrayList<>(leaves.values());
    }

    /** Copies checked values into the leaves in place (grad mode must be off). */
    void assign(Map<String, Tensor> uploaded) {
        for (Map.Entry<String, Tensor> e : uploaded.entrySet()) {
            leaves.get(e.getKey()).copy_(e.getValue());
        }
    }

    @Override
    public void close() {
        handles.close();
        leaves.clear();
    }
}
