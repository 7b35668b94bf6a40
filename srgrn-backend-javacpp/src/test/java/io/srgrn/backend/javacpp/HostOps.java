package io.srgrn.backend.javacpp;

import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Plain-Java tensor helpers for tests: channel concat/split, sums, seeded random tensors. */
final class HostOps {
    private HostOps() {}

    static Tensor random(long seed, float scale, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return t;
    }

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = Tensor.zeros(a.shape());
        for (int i = 0; i < out.size(); i++) {
            out.data()[i] = a.data()[i] + b.data()[i];
        }
        return out;
    }

    /** Concatenates NCHW tensors along C. */
    static Tensor concatChannels(List<Tensor> parts) {
        int[] s = parts.get(0).shape();
        int channels = parts.stream().mapToInt(t -> t.dim(1)).sum();
        Tensor out = Tensor.zeros(s[0], channels, s[2], s[3]);
        int plane = s[2] * s[3];
        for (int b = 0; b < s[0]; b++) {
            int at = b * channels * plane;
            for (Tensor t : parts) {
                int n = t.dim(1) * plane;
                System.arraycopy(t.data(), b * n, out.data(), at, n);
                at += n;
            }
        }
        return out;
    }

    /** Splits an NCHW tensor along C into parts of the given channel counts. */
    static List<Tensor> splitChannels(Tensor t, int... channels) {
        int[] s = t.shape();
        int plane = s[2] * s[3];
        List<Tensor> out = new ArrayList<>();
        int offset = 0;
        for (int c : channels) {
            Tensor part = Tensor.zeros(s[0], c, s[2], s[3]);
            for (int b = 0; b < s[0]; b++) {
                System.arraycopy(t.data(), (b * s[1] + offset) * plane, part.data(), b * c * plane, c * plane);
            }
            out.add(part);
            offset += c;
        }
        return out;
    }
}
