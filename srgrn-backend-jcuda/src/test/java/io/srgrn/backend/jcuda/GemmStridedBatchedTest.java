package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.NodeAggregation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-major to column-major mapping of {@link GemmStridedBatched} and every product of {@link
 * GraphGemms}, run through an emulator of {@code cublasSgemmStridedBatched}'s column-major
 * semantics and compared with plain row-major products.
 */
class GemmStridedBatchedTest {
    private final SplittableRandom random = new SplittableRandom(7);

    /**
     * cublasSgemmStridedBatched as documented: column-major, C = alpha op(A) op(B) + beta C per
     * batch.
     */
    static void cublasEmulated(
            GemmStridedBatched g, float[] a, int offA, float[] b, int offB, float[] c, int offC) {
        for (int batch = 0; batch < g.batch(); batch++) {
            long ao = offA + batch * g.strideA(),
                    bo = offB + batch * g.strideB(),
                    co = offC + batch * g.strideC();
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    double sum = 0;
                    for (int p = 0; p < g.k(); p++) {
                        float av =
                                g.transa()
                                        ? a[(int) (ao + p + (long) i * g.lda())]
                                        : a[(int) (ao + i + (long) p * g.lda())];
                        float bv =
                                g.transb()
                                        ? b[(int) (bo + j + (long) p * g.ldb())]
                                        : b[(int) (bo + p + (long) j * g.ldb())];
                        sum += av * bv;
                    }
                    int at = (int) (co + i + (long) j * g.ldc());
                    c[at] = (float) (g.alpha() * sum + (g.beta() == 0 ? 0 : g.beta() * c[at]));
                }
            }
        }
    }

    /** Runs a row-major plan: cuBLAS's first operand is our B, its second our A. */
    static float[] run(GemmStridedBatched g, float[] a, float[] b, float[] c) {
        float[] out = c.clone();
        cublasEmulated(g, b, 0, a, 0, out, 0);
        return out;
    }

    /** Row-major reference: C[b] = alpha op(A[b]) op(B[b]) + beta C[b]. */
    static float[] reference(
            boolean ta,
            boolean tb,
            int rows,
            int cols,
            int inner,
            float alpha,
            long sa,
            long sb,
            float beta,
            int batch,
            float[] a,
            float[] b,
            float[] c) {
        float[] out = c.clone();
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int p = 0; p < inner; p++) {
                        float av =
                                ta
                                        ? a[(int) (n * sa + (long) p * rows + i)]
                                        : a[(int) (n * sa + (long) i * inner + p)];
                        float bv =
                                tb
                                        ? b[(int) (n * sb + (long) j * inner + p)]
                                        : b[(int) (n * sb + (long) p * cols + j)];
                        sum += av * bv;
                    }
                    int at = n * rows * cols + i * cols + j;
                    out[at] = (float) (alpha * sum + (beta == 0 ? 0 : beta * c[at]));
                }
            }
        }
        return out;
    }

    private float[] randoms(long n) {
        float[] x = new float[(int) n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void rowMajorProductsMatchThePlainDefinition(boolean ta, boolean tb) {
        int batch = 3, rows = 4, cols = 5, inner = 6;
        float[] a = randoms((long) batch * rows * inner);
        float[] b = randoms((long) batch * inner * cols);
        float[] c = randoms((long) batch * rows * cols);
        GemmStridedBatched g =
                GemmStridedBatched.rowMajor(ta, tb, rows, cols, inner, 0.5f, 1f, batch);
        assertThat(run(g, a, b, c))
                .containsExactly(
                        reference(
                                ta,
                                tb,
                                rows,
                                cols,
                                inner,
                                0.5f,
                                rows * inner,
                                inner * cols,
                                1f,
                                batch,
                                a,
                                b,
                                c),
                        org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void aZeroStrideSharesOneMatrixAcrossTheBatch() {
        int batch = 4, in = 3, out = 2, len = 5;
        float[] w = randoms((long) out * in);
        float[] x = randoms((long) batch * in * len);
        float[] y = new float[batch * out * len];
        float[] expected =
                reference(false, false, out, len, in, 1f, 0, (long) in * len, 0f, batch, w, x, y);
        assertThat(run(GraphGemms.conv1d(batch, in, out, len), w, x, y))
                .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void graphReasoningProductsComputeWhatSpec31To35Say() {
        int b = 2, n = 3, c = 4, hw = 6;
        float[] p = randoms((long) b * n * hw);
        float[] x = randoms((long) b * c * hw);
        float s = GraphGemms.aggregationScale(NodeAggregation.MEAN, hw);
        assertThat(s).isEqualTo(1f / 6);
        assertThat(GraphGemms.aggregationScale(NodeAggregation.SUM, hw)).isEqualTo(1f);
        // Yw[b, i, j] = s * sum_p P[b, i, p] X[b, j, p]
        float[] yw = run(GraphGemms.aggregate(b, n, c, hw, s), p, x, new float[b * n * c]);
        for (int bb = 0; bb < b; bb++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    double sum = 0;
                    for (int q = 0; q < hw; q++) {
                        sum += p[(bb * n + i) * hw + q] * x[(bb * c + j) * hw + q];
                    }
                    assertThat(yw[(bb * n + i) * c + j])
                            .isCloseTo(
                                    (float) (s * sum), org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
        float[] dyw = randoms((long) b * n * c);
        // dP = s dYw X ; dX += s dYw^T P
        float[] dp = run(GraphGemms.aggregateGradP(b, n, c, hw, s), dyw, x, new float[b * n * hw]);
        float[] dx0 = randoms((long) b * c * hw);
        float[] dx = run(GraphGemms.aggregateGradX(b, n, c, hw, s), dyw, p, dx0);
        for (int bb = 0; bb < b; bb++) {
            for (int q = 0; q < hw; q++) {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < c; j++) {
                        sum += dyw[(bb * n + i) * c + j] * x[(bb * c + j) * hw + q];
                    }
                    assertThat(dp[(bb * n + i) * hw + q])
                            .isCloseTo(
                                    (float) (s * sum), org.assertj.core.data.Offset.offset(1e-5f));
                }
                for (int j = 0; j < c; j++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += dyw[(bb * n + i) * c + j] * p[(bb * n + i) * hw + q];
                    }
                    int at = (bb * c + j) * hw + q;
                    assertThat(dx[at])
                            .isCloseTo(
                                    (float) (dx0[at] + s * sum),
                                    org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
        // distribution: Y = L Wp, dL = dY Wp^T, dWp = L^T dY with L (rows x N)
        int rows = 5;
        float[] l = randoms((long) b * rows * n);
        float[] dy = randoms((long) b * rows * hw);
        assertThat(run(GraphGemms.distribute(b, rows, n, hw), l, p, new float[b * rows * hw]))
                .containsExactly(
                        reference(
                                false,
                                false,
                                rows,
                                hw,
                                n,
                                1f,
                                rows * n,
                                n * hw,
                                0f,
                                b,
                                l,
                                p,
                                new float[b * rows * hw]),
                        org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(
                        run(
                                GraphGemms.distributeGradLeft(b, rows, n, hw),
                                dy,
                                p,
                                new float[b * rows * n]))
                .containsExactly(
                        reference(
                                false,
                                true,
                                rows,
                                n,
                                hw,
                                1f,
                                rows * hw,
                                n * hw,
                                0f,
                                b,
                                dy,
                                p,
                                new float[b * rows * n]),
                        org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(
                        run(
                                GraphGemms.distributeGradWeights(b, rows, n, hw),
                                l,
                                dy,
                                new float[b * n * hw]))
                .containsExactly(
                        reference(
                                true,
                                false,
                                n,
                                hw,
                                rows,
                                1f,
                                rows * n,
                                rows * hw,
                                0f,
                                b,
                                l,
                                dy,
                                new float[b * n * hw]),
                        org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void conv1dGradientsAreTheTransposedProducts() {
        int batch = 3, in = 4, out = 2, len = 5;
        float[] w = randoms((long) out * in);
        float[] dy = randoms((long) batch * out * len);
        float[] x = randoms((long) batch * in * len);
        assertThat(
                        run(
                                GraphGemms.conv1dGradInput(batch, in, out, len),
                                w,
                                dy,
                                new float[batch * in * len]))
                .containsExactly(
                        reference(
                                true,
                                false,
                                in,
                                len,
                                out,
                                1f,
                                0,
                                (long) out * len,
                                0f,
                                batch,
                                w,
                                dy,
                                new float[batch * in * len]),
                        org.assertj.core.data.Offset.offset(1e-5f));
        // dW = sum_b dy[b] x[b]^T, as the layer runs it: one call per batch item with beta 1
        float[] dw = new float[out * in];
        GemmStridedBatched g = GraphGemms.conv1dGradWeight(in, out, len);
        for (int b = 0; b < batch; b++) {
            cublasEmulated(g, x, b * in * len, dy, b * out * len, dw, 0);
        }
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < len; t++) {
                        sum += dy[(b * out + o) * len + t] * x[(b * in + i) * len + t];
                    }
                }
                assertThat(dw[o * in + i])
                        .isCloseTo((float) sum, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
