package io.srgrn.api.train;

/**
 * Step learning-rate schedule (SPEC 5): {@code initial * 0.5^floor(iteration / halvingInterval)}.
 * The paper halves 1e-4 every 200 epochs of 1000 iterations.
 */
public record StepSchedule(double initial, long halvingInterval) {
    public StepSchedule {
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException(
                    "learning rate must be finite and > 0, got " + initial);
        }
        if (halvingInterval < 1) {
            throw new IllegalArgumentException(
                    "halvingInterval must be >= 1 iteration, got " + halvingInterval);
        }
    }

    public static StepSchedule paper() {
        return new StepSchedule(1e-4, 200L * 1000);
    }

    /** The rate for the step that follows {@code iteration} completed iterations. */
    public double at(long iteration) {
        return initial * Math.pow(0.5, iteration / halvingInterval);
    }
}
