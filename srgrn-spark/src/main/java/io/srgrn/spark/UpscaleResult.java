package io.srgrn.spark;

/**
 * What one image became: the encoded upscaled image and its size, or the reason it could not be
 * done (then {@code image}, {@code width} and {@code height} are null).
 */
public record UpscaleResult(byte[] image, Integer width, Integer height, String error) {

    static UpscaleResult done(byte[] image, int width, int height) {
        return new UpscaleResult(image, width, height, null);
    }

    static UpscaleResult failed(String error) {
        return new UpscaleResult(null, null, null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
