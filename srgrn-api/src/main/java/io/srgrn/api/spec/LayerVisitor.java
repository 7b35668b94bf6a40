package io.srgrn.api.spec;

/**
 * One method per kind of {@link LayerSpec}, called by {@link LayerSpec#accept}. Backends and the
 * conformance kit's reference build their layers with one. It stands in for an exhaustive switch
 * over the sealed {@code LayerSpec} (Java 17 has pattern switches only in preview): adding a kind
 * of spec adds a method here, and every backend fails to compile until it builds that kind, instead
 * of failing at run time.
 *
 * @param <R> what the visitor makes of a spec, e.g. a backend's layer
 */
public interface LayerVisitor<R> {
    R conv2d(Conv2dSpec spec);

    R conv1d(Conv1dSpec spec);

    R rdb(RdbSpec spec);

    R rdn(RdnSpec spec);

    R grum(GrumSpec spec);

    R grrb(GrrbSpec spec);

    R srgrn(SrgrnSpec spec);
}
