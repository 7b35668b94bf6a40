package io.srgrn.backend.jcuda;

/**
 * How the jcuda backend computes.
 *
 * @param tf32 allow TF32 tensor-core math in cuDNN convolutions and cuBLAS GEMMs (about 8x the
 *     float32 throughput on Ampere and later, with a 10-bit mantissa in the products); off
 *     reproduces float32 to the conformance kit's tolerances
 */
record CudaSettings(boolean tf32) {
    /**
     * System property that turns TF32 off ({@code false}) for backends made by the ServiceLoader.
     */
    static final String TF32_PROPERTY = "srgrn.cuda.tf32";

    /** The default for speed: TF32 on unless {@code -Dsrgrn.cuda.tf32=false}. */
    static CudaSettings fromSystemProperties() {
        return new CudaSettings(
                !"false".equalsIgnoreCase(System.getProperty(TF32_PROPERTY, "true").trim()));
    }

    /** Plain float32 everywhere: what the conformance kit runs. */
    static CudaSettings exactFloat32() {
        return new CudaSettings(false);
    }
}
