package io.srgrn.tck;

import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceGradients;
import io.srgrn.tck.reference.ReferenceModel;
import java.util.Map;
import java.util.SplittableRandom;

/** A case's seeded parameters, input and upstream gradient, and the reference's view of them. */
record CaseData(
        Map<String, Tensor> parameters, Tensor input, Tensor upstream, ReferenceModel reference) {

    static CaseData of(ConformanceCase c) {
        return of(c, c.seed());
    }

    static CaseData of(ConformanceCase c, long seed) {
        // images are in [0, 1]; inner layers see features of both signs
        double low = c.spec() instanceof SrgrnSpec ? 0 : -1;
        return new CaseData(
                SeededTensors.parameters(c.spec(), seed),
                Tensor.uniform(new SplittableRandom(seed + 1), low, 1, c.inputShape()),
                SeededTensors.normal(seed + 2, c.outputShape()),
                new ReferenceModel(c.spec()));
    }

    /** Fresh double copies, so callers may update them. */
    Map<String, DoubleTensor> referenceParameters() {
        return ReferenceModel.widen(parameters);
    }

    DoubleTensor referenceInput() {
        return DoubleTensor.from(input);
    }

    DoubleTensor referenceUpstream() {
        return DoubleTensor.from(upstream);
    }

    ReferenceGradients referenceGradients() {
        return reference.gradients(referenceParameters(), referenceInput(), referenceUpstream());
    }
}
