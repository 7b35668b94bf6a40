package io.srgrn.backend.djl;

import io.srgrn.api.tensor.Tensor;
import java.util.Random;

/**
 * Plain-Java reference arithmetic for the tests, written from SPEC's formulas (not from the backend):
 * naive convolutions, the pixel shuffle, channel concatenation and sums.
 */
final class HostMath {
    private HostMath() {}

    static Tensor random(long seed, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return t;
    }

    /** Conv2d with bias, stride 1, zero padding k/2, in double precision. */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b) {
        int n = x.dim(0), cin = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int cout = w.dim(0), k = w.dim(2), pad = k / 2;
        Tensor y = Tensor.zeros(n, cout, h, wd);
        for (int bi = 0; bi < n; bi++) {
            for (int o = 0; o < cout; o++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        double s = b.get(o);
                        for (int c = 0; c < cin; c++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int yi = i + ki - pad, xj = j + kj - pad;
                                    if (yi >= 0 && yi < h && xj >= 0 && xj < wd) {
                                        s += (double) w.get(o, c, ki, kj) * x.get(bi, c, yi, xj);
                                    }
                                }
                            }
                        }
                        y.set((float) s, bi, o, i, j);
                    }
                }
            }
        }
        return y;
    }

    /** Conv1d with kernel 1 and bias on (N, C, L). */
    static Tensor conv1d(Tensor x, Tensor w, Tensor b) {
        int n = x.dim(0), cin = x.dim(1), len = x.dim(2), cout = w.dim(0);
        Tensor y = Tensor.zeros(n, cout, len);
        for (int bi = 0; bi < n; bi++) {
            for (int o = 0; o < cout; o++) {
                for (int l = 0; l < len; l++) {
                    double s = b.get(o);
                    for (int c = 0; c < cin; c++) {
                        s += (double) w.get(o, c, 0) * x.get(bi, c, l);
                    }
                    y.set((float) s, bi, o, l);
                }
            }
        }
        return y;
    }

    /** SPEC 3: out[b, c, h*r + i, w*r + j] = x[b, c*r*r + i*r + j, h, w]. */
    static Tensor pixelShuffle(Tensor x, int r) {
        int n = x.dim(0), c = x.dim(1) / (r * r), h = x.dim(2), w = x.dim(3);
        Tensor y = Tensor.zeros(n, c, h * r, w * r);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int hh = 0; hh < h; hh++) {
                    for (int ww = 0; ww < w; ww++) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < r; j++) {
                                y.set(x.get(b, ch * r * r + i * r + j, hh, ww), b, ch, hh * r + i, ww * r + j);
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Concatenation along axis 1 of NCHW tensors. */
    static Tensor concatChannels(Tensor... parts) {
        int n = parts[0].dim(0), h = parts[0].dim(2), w = parts[0].dim(3);
        int c = 0;
        for (Tensor p : parts) {
            c += p.dim(1);
        }
        Tensor y = Tensor.zeros(n, c, h, w);
        int plane = h * w;
        for (int b = 0; b < n; b++) {
            int offset = 0;
            for (Tensor p : parts) {
                int pc = p.dim(1);
                System.arraycopy(p.data(), b * pc * plane, y.data(), (b * c + offset) * plane, pc * plane);
                offset += pc;
            }
        }
        return y;
    }

    static Tensor add(Tensor a, Tensor b) {
        Tensor y = a.copy();
        for (int i = 0; i < y.size(); i++) {
            y.data()[i] += b.data()[i];
        }
        return y;
    }

    static double meanAbsDiff(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += Math.abs((double) a.data()[i] - b.data()[i]);
        }
        return s / a.size();
    }
}
