package io.srgrn.api.spi;

/**
 * Adam's constants (SPEC 5: beta1 0.9, beta2 0.999, eps 1e-8); the learning rate is given per step
 * because the schedule changes it.
 */
public record AdamSettings(double beta1, double beta2, double eps) {
    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
            throw new IllegalArgumentException(
                    "Adam needs 0 <= beta1, beta2 < 1 and eps > 0, got beta1="
                            + beta1
                            + ", beta2="
                            + beta2
                            + ", eps="
                            + eps);
        }
    }

    public static AdamSettings paper() {
        return new AdamSettings(0.9, 0.999, 1e-8);
    }
}
