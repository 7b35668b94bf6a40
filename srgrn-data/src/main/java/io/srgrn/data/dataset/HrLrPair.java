package io.srgrn.data.dataset;

import io.srgrn.data.image.ByteImage;
import java.util.Objects;

/**
 * An HR image and its LR counterpart: {@code hr} is exactly {@code scale} times {@code lr} on each
 * side.
 */
public record HrLrPair(String id, ByteImage hr, ByteImage lr, int scale) {

    public HrLrPair {
        Objects.requireNonNull(id, "id");
        if (hr.channels() != lr.channels()
                || hr.height() != lr.height() * scale
                || hr.width() != lr.width() * scale) {
            throw new IllegalArgumentException(
                    "pair '"
                            + id
                            + "': HR "
                            + hr.channels()
                            + "x"
                            + hr.height()
                            + "x"
                            + hr.width()
                            + " is not x"
                            + scale
                            + " of LR "
                            + lr.channels()
                            + "x"
                            + lr.height()
                            + "x"
                            + lr.width());
        }
    }
}
