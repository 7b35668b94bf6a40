package io.srgrn.spark;

import java.util.List;

/**
 * What a {@link SparkUpscaleJob} did: images written, images skipped because their output already
 * existed, and each failed image with the reason.
 */
public record JobReport(long written, long skipped, List<Failure> failures) {

    /** One image that could not be done. */
    public record Failure(String input, String reason) {}

    public JobReport {
        failures = List.copyOf(failures);
    }

    /**
     * {@link SparkUpscale#OK} when every image was done or skipped, else {@link
     * SparkUpscale#FAILED}.
     */
    public int exitStatus() {
        return failures.isEmpty() ? SparkUpscale.OK : SparkUpscale.FAILED;
    }
}
