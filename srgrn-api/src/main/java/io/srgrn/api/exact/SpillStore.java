package io.srgrn.api.exact;

import io.srgrn.api.SrgrnException;
import io.srgrn.api.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A feature map spilled to a temporary file, deleted on close: memory stays at one tile whatever
 * the image, at the price of writing and reading the map once per pass. Pixels are stored
 * channels-last ({@code B, H, W, C}, float32), so that one row of a region is one contiguous read.
 */
final class SpillStore implements FeatureStore {
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final Path file;
    private final FileChannel channel;

    SpillStore(int batch, int channels, int height, int width, Path directory) {
        this.batch = batch;
        this.channels = channels;
        this.height = height;
        this.width = width;
        try {
            this.file =
                    directory == null
                            ? Files.createTempFile("srgrn-features-", ".f32")
                            : Files.createTempFile(directory, "srgrn-features-", ".f32");
            this.channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new SrgrnException(
                    "cannot create a temporary file for "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + " features: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public Tensor read(Region r) {
        int h = r.height();
        int w = r.width();
        float[] out = new float[batch * channels * h * w];
        ByteBuffer bytes =
                ByteBuffer.allocate(w * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        float[] row = new float[w * channels];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < h; y++) {
                bytes.clear();
                readFully(bytes, offset(b, r.y0() + y, r.x0()));
                floats.clear();
                floats.get(row);
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        out[((b * channels + c) * h + y) * w + x] = row[x * channels + c];
                    }
                }
            }
        }
        return Tensor.of(out, batch, channels, h, w);
    }

    @Override
    public void write(Region r, Tensor tile) {
        int h = r.height();
        int w = r.width();
        float[] in = tile.data();
        ByteBuffer bytes =
                ByteBuffer.allocate(w * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        float[] row = new float[w * channels];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        row[x * channels + c] = in[((b * channels + c) * h + y) * w + x];
                    }
                }
                floats.clear();
                floats.put(row);
                bytes.clear();
                writeFully(bytes, offset(b, r.y0() + y, r.x0()));
            }
        }
    }

    private long offset(int b, int y, int x) {
        return (((long) b * height + y) * width + x) * channels * Float.BYTES;
    }

    private void readFully(ByteBuffer buffer, long position) {
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new SrgrnException("temporary feature file " + file + " ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading temporary feature file " + file, e);
        }
    }

    private void writeFully(ByteBuffer buffer, long position) {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "writing temporary feature file " + file + " (disk full?)", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing temporary feature file " + file, e);
        }
    }
}
