package io.srgrn.backend.jcuda;

import io.srgrn.api.tensor.Tensor;

/**
 * {@link DeviceOps} on the heap: plain loops for the convolution, the column-major GEMM of cuBLAS's
 * documentation (as in {@link GemmStridedBatchedTest}), and every kernel of {@code kernels/*.cu}
 * ported line by line (same index arithmetic, same argument order, checked by {@link
 * KernelArguments}). With it the module and layer code of this backend runs unchanged against the
 * conformance kit's reference.
 */
final class HostOps implements DeviceOps {
    private final HostMemory memory;

    HostOps(HostMemory memory) {
        this.memory = memory;
    }

    private HostMemory.At at(long address) {
        return memory.at(address);
    }

    private HostMemory.At at(DeviceTensor t) {
        return memory.at(t.address());
    }

    @Override
    public boolean tf32() {
        return false;
    }

    @Override
    public DeviceTensor upload(CallScope scope, Tensor host) {
        DeviceTensor t = scope.tensor(host.shape());
        copyIn(t, host.data());
        return t;
    }

    @Override
    public void copyIn(DeviceTensor t, float[] data) {
        HostMemory.At a = at(t);
        System.arraycopy(data, 0, a.array(), a.index(), data.length);
    }

    @Override
    public Tensor download(DeviceTensor t) {
        HostMemory.At a = at(t);
        float[] out = new float[(int) t.count()];
        System.arraycopy(a.array(), a.index(), out, 0, out.length);
        return Tensor.of(out, t.shape());
    }

    @Override
    public void copy(DeviceTensor dst, DeviceTensor src) {
        HostMemory.At s = at(src);
        HostMemory.At d = at(dst);
        System.arraycopy(s.array(), s.index(), d.array(), d.index(), (int) src.count());
    }

    @Override
    public void fillZero(DeviceTensor t) {
        HostMemory.At a = at(t);
        java.util.Arrays.fill(a.array(), a.index(), a.index() + (int) t.count(), 0f);
    }

    @Override
    public void synchronize() {}

    @Override
    public DeviceTensor conv2d(
            CallScope scope, ConvDescriptor d, DeviceTensor x, DeviceTensor w, DeviceTensor b) {
        DeviceTensor y = scope.tensor(d.outputShape());
        HostMemory.At xs = at(x), ws = at(w), bs = at(b), ys = at(y);
        int n = d.batch(),
                c = d.in(),
                h = d.height(),
                wd = d.width(),
                k = d.out(),
                r = d.kernel(),
                p = d.padding();
        for (int bi = 0; bi < n; bi++) {
            for (int o = 0; o < k; o++) {
                for (int yy = 0; yy < h; yy++) {
                    for (int xx = 0; xx < wd; xx++) {
                        double sum = bs.get(o);
                        for (int ci = 0; ci < c; ci++) {
                            for (int i = 0; i < r; i++) {
                                for (int j = 0; j < r; j++) {
                                    int sy = yy + i - p, sx = xx + j - p;
                                    if (sy >= 0 && sy < h && sx >= 0 && sx < wd) {
                                        sum +=
                                                (double)
                                                                ws.get(
                                                                        ((long) (o * c + ci) * r
                                                                                                + i)
                                                                                        * r
                                                                                + j)
                                                        * xs.get(
                                                                ((long) (bi * c + ci) * h + sy) * wd
                                                                        + sx);
                                    }
                                }
                            }
                        }
                        ys.set(((long) (bi * k + o) * h + yy) * wd + xx, (float) sum);
                    }
                }
            }
        }
        return y;
    }

    @Override
    public DeviceTensor conv2dBackward(
            CallScope scope,
            ConvDescriptor d,
            DeviceTensor x,
            DeviceTensor w,
            DeviceTensor dy,
            DeviceTensor dw,
            DeviceTensor db) {
        DeviceTensor dx = scope.tensor(d.inputShape());
        fillZero(dx);
        HostMemory.At xs = at(x), ws = at(w), gs = at(dy), dws = at(dw), dbs = at(db), dxs = at(dx);
        int n = d.batch(),
                c = d.in(),
                h = d.height(),
                wd = d.width(),
                k = d.out(),
                r = d.kernel(),
                p = d.padding();
        double[] gw = new double[k * c * r * r];
        double[] gb = new double[k];
        double[] gx = new double[n * c * h * wd];
        for (int bi = 0; bi < n; bi++) {
            for (int o = 0; o < k; o++) {
                for (int yy = 0; yy < h; yy++) {
                    for (int xx = 0; xx < wd; xx++) {
                        double g = gs.get(((long) (bi * k + o) * h + yy) * wd + xx);
                        gb[o] += g;
                        for (int ci = 0; ci < c; ci++) {
                            for (int i = 0; i < r; i++) {
                                for (int j = 0; j < r; j++) {
                                    int sy = yy + i - p, sx = xx + j - p;
                                    if (sy >= 0 && sy < h && sx >= 0 && sx < wd) {
                                        int wi = ((o * c + ci) * r + i) * r + j;
                                        int xi = ((bi * c + ci) * h + sy) * wd + sx;
                                        gw[wi] += g * xs.get(xi);
                                        gx[xi] += g * ws.get(wi);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < gw.length; i++) {
            dws.set(i, (float) (dws.get(i) + gw[i]));
        }
        for (int i = 0; i < gb.length; i++) {
            dbs.set(i, (float) (dbs.get(i) + gb[i]));
        }
        for (int i = 0; i < gx.length; i++) {
            dxs.set(i, (float) gx[i]);
        }
        return dx;
    }

    @Override
    public void gemmAt(GemmStridedBatched g, long a, long b, long c) {
        // cuBLAS's first operand is our B, its second our A
        HostMemory.At first = at(b), second = at(a), out = at(c);
        for (int batch = 0; batch < g.batch(); batch++) {
            long ao = batch * g.strideA(), bo = batch * g.strideB(), co = batch * g.strideC();
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    double sum = 0;
                    for (int q = 0; q < g.k(); q++) {
                        float av =
                                g.transa()
                                        ? first.get(ao + q + (long) i * g.lda())
                                        : first.get(ao + i + (long) q * g.lda());
                        float bv =
                                g.transb()
                                        ? second.get(bo + j + (long) q * g.ldb())
                                        : second.get(bo + q + (long) j * g.ldb());
                        sum += (double) av * bv;
                    }
                    long at = co + i + (long) j * g.ldc();
                    out.set(
                            at,
                            (float)
                                    (g.alpha() * sum
                                            + (g.beta() == 0 ? 0 : g.beta() * out.get(at))));
                }
            }
        }
    }

    @Override
    public void reduce(
            CallScope scope,
            int mode,
            DeviceTensor x,
            DeviceTensor y,
            DeviceTensor z,
            float scale,
            DeviceTensor result,
            boolean accumulate) {
        HostMemory.At xs = at(x), ys = at(y), zs = at(z == null ? y : z), rs = at(result);
        double sum = 0;
        for (long i = 0; i < x.count(); i++) {
            sum +=
                    switch (mode) {
                        case 0 -> (double) xs.get(i) * ys.get(i);
                        case 1 -> (double) xs.get(i) * (ys.get(i) - zs.get(i));
                        default -> Math.abs((double) xs.get(i) - ys.get(i));
                    };
        }
        float v = (float) (scale * sum);
        rs.set(0, accumulate ? rs.get(0) + v : v);
    }

    @Override
    public void kernel(Kernel k, long n, Object... raw) {
        Object[] args = KernelArguments.of(k, raw).values().toArray();
        switch (k) {
            case RELU_FORWARD -> {
                HostMemory.At out = p(args[0]), in = p(args[1]);
                for (long i = 0; i < l(args[2]); i++) {
                    float v = in.get(i);
                    out.set(i, v > 0 ? v : 0);
                }
            }
            case RELU_BACKWARD -> {
                HostMemory.At gi = p(args[0]), go = p(args[1]), out = p(args[2]);
                for (long i = 0; i < l(args[3]); i++) {
                    gi.set(i, out.get(i) > 0 ? go.get(i) : 0);
                }
            }
            case LEAKY_RELU_FORWARD -> {
                HostMemory.At out = p(args[0]), in = p(args[1]);
                float slope = f(args[2]);
                for (long i = 0; i < l(args[3]); i++) {
                    float v = in.get(i);
                    out.set(i, v > 0 ? v : v * slope);
                }
            }
            case LEAKY_RELU_BACKWARD -> {
                HostMemory.At gi = p(args[0]), go = p(args[1]), in = p(args[2]);
                float slope = f(args[3]);
                for (long i = 0; i < l(args[4]); i++) {
                    gi.set(i, in.get(i) > 0 ? go.get(i) : go.get(i) * slope);
                }
            }
            case ADD_INTO -> {
                HostMemory.At dst = p(args[0]), src = p(args[1]);
                for (long i = 0; i < l(args[2]); i++) {
                    dst.set(i, dst.get(i) + src.get(i));
                }
            }
            case BIAS_ADD_NCL -> {
                HostMemory.At out = p(args[0]), bias = p(args[1]);
                int channels = i(args[2]), length = i(args[3]);
                for (long i = 0; i < l(args[4]); i++) {
                    int c = (int) ((i / length) % channels);
                    out.set(i, out.get(i) + bias.get(c));
                }
            }
            case BIAS_GRAD_NCL -> {
                HostMemory.At gb = p(args[0]), go = p(args[1]);
                int batch = i(args[2]), channels = i(args[3]), length = i(args[4]);
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int b = 0; b < batch; b++) {
                        for (int t = 0; t < length; t++) {
                            sum += go.get(((long) b * channels + c) * length + t);
                        }
                    }
                    gb.set(c, gb.get(c) + sum);
                }
            }
            case TRANSPOSE_BATCHED -> {
                HostMemory.At out = p(args[0]), in = p(args[1]);
                int rows = i(args[2]), cols = i(args[3]);
                for (long q = 0; q < l(args[4]); q++) {
                    long per = (long) rows * cols;
                    long b = q / per;
                    int rem = (int) (q % per);
                    int ii = rem / cols, jj = rem % cols;
                    out.set(b * per + (long) jj * rows + ii, in.get(q));
                }
            }
            case CHANNEL_COPY -> {
                HostMemory.At dst = p(args[0]), src = p(args[3]);
                int dstC = i(args[1]), dstOff = i(args[2]), srcC = i(args[4]), srcOff = i(args[5]);
                int count = i(args[6]), plane = i(args[7]);
                boolean acc = i(args[8]) != 0;
                for (long q = 0; q < l(args[9]); q++) {
                    long per = (long) count * plane;
                    long b = q / per;
                    int rem = (int) (q % per);
                    int c = rem / plane, pp = rem % plane;
                    float v = src.get((b * srcC + srcOff + c) * plane + pp);
                    long di = (b * dstC + dstOff + c) * plane + pp;
                    dst.set(di, acc ? dst.get(di) + v : v);
                }
            }
            case PIXEL_SHUFFLE_FORWARD -> {
                HostMemory.At out = p(args[0]), in = p(args[1]);
                int channels = i(args[2]), height = i(args[3]), width = i(args[4]), r = i(args[5]);
                for (long q = 0; q < l(args[6]); q++) {
                    int ow = width * r, oh = height * r;
                    int x = (int) (q % ow), y = (int) ((q / ow) % oh);
                    long bc = q / ((long) ow * oh);
                    int c = (int) (bc % channels);
                    long b = bc / channels;
                    int h = y / r, ii = y % r, w = x / r, jj = x % r;
                    long src =
                            ((b * channels * r * r + (long) c * r * r + ii * r + jj) * height + h)
                                            * width
                                    + w;
                    out.set(q, in.get(src));
                }
            }
            case PIXEL_SHUFFLE_BACKWARD -> {
                HostMemory.At gi = p(args[0]), go = p(args[1]);
                int channels = i(args[2]), height = i(args[3]), width = i(args[4]), r = i(args[5]);
                for (long q = 0; q < l(args[6]); q++) {
                    int w = (int) (q % width), h = (int) ((q / width) % height);
                    long bq = q / ((long) width * height);
                    int qq = (int) (bq % ((long) channels * r * r));
                    long b = bq / ((long) channels * r * r);
                    int c = qq / (r * r), ii = (qq % (r * r)) / r, jj = qq % r;
                    long dst =
                            ((b * channels + c) * (long) (height * r) + (h * r + ii))
                                            * (long) (width * r)
                                    + (w * r + jj);
                    gi.set(q, go.get(dst));
                }
            }
            case NODE_SOFTMAX_FORWARD -> {
                HostMemory.At out = p(args[0]), z = p(args[1]);
                int nodes = i(args[2]), length = i(args[3]);
                for (long q = 0; q < l(args[4]); q++) {
                    long base = (q / length) * nodes * length + (q % length);
                    float m = z.get(base);
                    for (int t = 1; t < nodes; t++) {
                        m = Math.max(m, z.get(base + (long) t * length));
                    }
                    float sum = 0;
                    for (int t = 0; t < nodes; t++) {
                        float e = (float) Math.exp(z.get(base + (long) t * length) - m);
                        out.set(base + (long) t * length, e);
                        sum += e;
                    }
                    for (int t = 0; t < nodes; t++) {
                        out.set(base + (long) t * length, out.get(base + (long) t * length) / sum);
                    }
                }
            }
            case NODE_SOFTMAX_BACKWARD -> {
                HostMemory.At gz = p(args[0]), go = p(args[1]), out = p(args[2]);
                int nodes = i(args[3]), length = i(args[4]);
                for (long q = 0; q < l(args[5]); q++) {
                    long base = (q / length) * nodes * length + (q % length);
                    float weighted = 0;
                    for (int t = 0; t < nodes; t++) {
                        weighted +=
                                out.get(base + (long) t * length)
                                        * go.get(base + (long) t * length);
                    }
                    for (int t = 0; t < nodes; t++) {
                        long at = base + (long) t * length;
                        gz.set(at, out.get(at) * (go.get(at) - weighted));
                    }
                }
            }
            case GAMMA_MIX_FORWARD -> {
                HostMemory.At out = p(args[0]), a = p(args[1]), b = p(args[2]);
                float g = p(args[3]).get(0);
                for (long q = 0; q < l(args[4]); q++) {
                    out.set(q, g * a.get(q) + (1 - g) * b.get(q));
                }
            }
            case GAMMA_MIX_BACKWARD -> {
                HostMemory.At ga = p(args[0]), gb = p(args[1]), go = p(args[2]);
                float g = p(args[3]).get(0);
                for (long q = 0; q < l(args[4]); q++) {
                    ga.set(q, g * go.get(q));
                    gb.set(q, (1 - g) * go.get(q));
                }
            }
            case GAMMA_RESIDUAL_FORWARD -> {
                HostMemory.At out = p(args[0]), a = p(args[1]), b = p(args[2]);
                float g = p(args[3]).get(0);
                for (long q = 0; q < l(args[4]); q++) {
                    out.set(q, g * a.get(q) + b.get(q));
                }
            }
            case GAMMA_SCALE -> {
                HostMemory.At out = p(args[0]), in = p(args[1]);
                float g = p(args[2]).get(0);
                for (long q = 0; q < l(args[3]); q++) {
                    out.set(q, g * in.get(q));
                }
            }
            case L1_BACKWARD -> {
                HostMemory.At grad = p(args[0]), y = p(args[1]), t = p(args[2]);
                float invN = f(args[3]);
                for (long q = 0; q < l(args[4]); q++) {
                    float d = y.get(q) - t.get(q);
                    grad.set(q, d > 0 ? invN : (d < 0 ? -invN : 0));
                }
            }
            case ADAM_UPDATE -> {
                HostMemory.At param = p(args[0]), grad = p(args[1]), m = p(args[2]), v = p(args[3]);
                float b1 = f(args[4]),
                        b2 = f(args[5]),
                        eps = f(args[6]),
                        stepSize = f(args[7]),
                        c2 = f(args[8]);
                for (long q = 0; q < l(args[9]); q++) {
                    float g = grad.get(q);
                    float mi = b1 * m.get(q) + (1 - b1) * g;
                    float vi = b2 * v.get(q) + (1 - b2) * g * g;
                    m.set(q, mi);
                    v.set(q, vi);
                    param.set(q, param.get(q) - stepSize * mi / ((float) Math.sqrt(vi) / c2 + eps));
                }
            }
            case REDUCE_PARTIAL, REDUCE_FINAL ->
                    throw new AssertionError("reductions run through reduce()");
            default -> throw new AssertionError("no host emulation of " + k);
        }
    }

    private HostMemory.At p(Object address) {
        return at((Long) address);
    }

    private static long l(Object v) {
        return (Long) v;
    }

    private static int i(Object v) {
        return (Integer) v;
    }

    private static float f(Object v) {
        return (Float) v;
    }
}
