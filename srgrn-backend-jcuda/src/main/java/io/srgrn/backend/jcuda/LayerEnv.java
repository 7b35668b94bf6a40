package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParameterPath;

/** What a layer is built with: the device operations, the parameters and its place in the names. */
record LayerEnv(DeviceOps ops, DeviceParameters params, ParameterPath path) {
    LayerEnv child(Child<?> child) {
        return new LayerEnv(ops, params, path.child(child));
    }

    DeviceTensor value(String local) {
        return params.value(path.name(local));
    }

    DeviceTensor grad(String local) {
        return params.grad(path.name(local));
    }
}
