package io.srgrn.api;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.PlanarImage;

/** Planar images (srgrn-data) as batch-of-one NCHW tensors and back; the data array is shared, not copied. */
public final class ImageTensors {
    private ImageTensors() {}

    /** (1, C, H, W) over the image's own array. */
    public static Tensor toTensor(PlanarImage image) {
        return Tensor.of(image.data(), 1, image.channels(), image.height(), image.width());
    }

    /** The image of a (1, C, H, W) tensor, over the tensor's own array. */
    public static PlanarImage toImage(Tensor tensor) {
        if (tensor.rank() != 4 || tensor.dim(0) != 1) {
            throw new ShapeMismatchException("expected a (1, C, H, W) tensor, got " + tensor);
        }
        return new PlanarImage(tensor.dim(1), tensor.dim(2), tensor.dim(3), tensor.data());
    }
}
