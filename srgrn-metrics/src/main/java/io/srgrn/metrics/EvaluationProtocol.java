package io.srgrn.metrics;

/**
 * How the SR literature turned images into the numbers it publishes (SPEC section 7). All of them
 * score the Y channel with {@code scale} pixels shaved from every border and average per image over
 * a set; they differ in how Y is obtained.
 */
public enum EvaluationProtocol {
    /**
     * RDN's {@code Evaluate_PSNR_SSIM.m} as shipped (the default for models): both images as 8-bit
     * RGB, Y = {@code rgb2ycbcr(double RGB) * 255} without rounding.
     */
    RDN,
    /** As {@link #RDN} but Y = {@code rgb2ycbcr} of the 8-bit RGB image, rounded to 8 bits. */
    RDN_Y8,
    /**
     * The SRCNN/VDSR protocol: Y rounded to 8 bits (a grey image used as is); its Bicubic baseline
     * degrades and upscales that Y plane alone in double precision. Defined for BI only.
     */
    Y_ONLY
}
