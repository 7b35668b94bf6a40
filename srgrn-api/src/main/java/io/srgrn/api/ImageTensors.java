package io.srgrn.api;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.data.sample.Dihedral;

/**
 * Planar images (srgrn-data) as batch-of-one NCHW tensors and back; the data array is shared, not
 * copied.
 */
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

    /**
     * Applies a dihedral transform to the (H, W) axes of an (N, C, H, W) tensor: its N*C planes are
     * contiguous, so they are transformed as the channels of one planar image.
     */
    public static Tensor transform(Tensor x, Dihedral t) {
        if (x.rank() != 4) {
            throw new ShapeMismatchException("expected an (N, C, H, W) tensor, got " + x);
        }
        PlanarImage planes =
                t.apply(new PlanarImage(x.dim(0) * x.dim(1), x.dim(2), x.dim(3), x.data()));
        return Tensor.of(planes.data(), x.dim(0), x.dim(1), planes.height(), planes.width());
    }
}
