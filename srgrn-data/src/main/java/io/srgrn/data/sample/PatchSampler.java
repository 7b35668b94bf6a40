package io.srgrn.data.sample;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.image.ByteImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Random aligned LR/HR training patches (SPEC section 5): an LR patch of {@code lrPatch x lrPatch}
 * at a random position, the HR patch exactly above it, both under the same random one of the 8
 * {@link Dihedral} transforms.
 *
 * <p>{@link #batch(long)} is a pure function of (seed, batch index): samples are numbered globally
 * ({@code index * batchSize + b}); sample {@code g} uses pair {@code perm_p[g mod N]} where {@code
 * perm_p} is a seeded shuffle for pass {@code p = g / N} (every pair once per pass), and its crop
 * and transform come from a generator seeded by {@code (seed, g)}. A training run that resumes at
 * batch {@code k} therefore sees the same batches as one that never stopped, and batches made on
 * worker threads in any order are the same as made in sequence.
 */
public final class PatchSampler {

    /** Sampling settings: the paper uses 48x48 LR patches, batches of 16, augmentation on. */
    public record Config(int lrPatch, int batchSize, boolean augment, long seed) {
        public Config {
            if (lrPatch < 1) {
                throw new IllegalArgumentException("LR patch size must be >= 1, got " + lrPatch);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
        }

        /** 48x48 LR patches, batch 16, augmentation on. */
        public static Config paper(long seed) {
            return new Config(48, 16, true, seed);
        }
    }

    private static final long PERMUTATION_STREAM = 0x5045524dL;
    private static final long PATCH_STREAM = 0x50415443L;

    private final List<HrLrPair> pairs;
    private final Config config;
    private final int scale;
    private final int channels;
    private final Permutations permutations;

    /**
     * @param pairs the training pairs (read-only from here on; all of one scale and channel count,
     *     every LR image at least {@code lrPatch} on each side)
     */
    public PatchSampler(List<HrLrPair> pairs, Config config) {
        this.pairs = List.copyOf(pairs);
        this.config = Objects.requireNonNull(config, "config");
        if (this.pairs.isEmpty()) {
            throw new IllegalArgumentException("no training pairs to sample from");
        }
        HrLrPair first = this.pairs.get(0);
        this.scale = first.scale();
        this.channels = first.lr().channels();
        for (HrLrPair p : this.pairs) {
            if (p.scale() != scale || p.lr().channels() != channels) {
                throw new IllegalArgumentException(
                        "pair '"
                                + p.id()
                                + "' is x"
                                + p.scale()
                                + " with "
                                + p.lr().channels()
                                + " channels, but '"
                                + first.id()
                                + "' is x"
                                + scale
                                + " with "
                                + channels
                                + " channels");
            }
            if (p.lr().height() < config.lrPatch() || p.lr().width() < config.lrPatch()) {
                throw new IllegalArgumentException(
                        "pair '"
                                + p.id()
                                + "': LR image "
                                + p.lr().height()
                                + "x"
                                + p.lr().width()
                                + " is smaller than the "
                                + config.lrPatch()
                                + "x"
                                + config.lrPatch()
                                + " patch");
            }
        }
        this.permutations = new Permutations(this.pairs.size(), config.seed(), PERMUTATION_STREAM);
    }

    public Config config() {
        return config;
    }

    public int scale() {
        return scale;
    }

    public int channels() {
        return channels;
    }

    public int pairCount() {
        return pairs.size();
    }

    /** Where the samples of batch {@code index} come from (what {@link #batch} cuts out). */
    public List<PatchPlan> plan(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("batch index must be >= 0, got " + index);
        }
        int n = pairs.size();
        int p = config.lrPatch();
        List<PatchPlan> plan = new ArrayList<>(config.batchSize());
        for (int b = 0; b < config.batchSize(); b++) {
            long g = Math.addExact(Math.multiplyExact(index, config.batchSize()), b);
            int pair = permutations.get(g / n)[(int) (g % n)];
            SplitMix64 rng = new SplitMix64(SplitMix64.mix(config.seed(), PATCH_STREAM, g));
            ByteImage lr = pairs.get(pair).lr();
            int top = rng.nextInt(lr.height() - p + 1);
            int left = rng.nextInt(lr.width() - p + 1);
            Dihedral t = config.augment() ? Dihedral.of(rng.nextInt(8)) : Dihedral.IDENTITY;
            plan.add(new PatchPlan(pair, top, left, t));
        }
        return plan;
    }

    /** Batch {@code index}: a pure function of the seed and the index. */
    public Batch batch(long index) {
        List<PatchPlan> plan = plan(index);
        int p = config.lrPatch();
        int hp = p * scale;
        int lrSample = channels * p * p;
        int hrSample = channels * hp * hp;
        float[] lr = new float[config.batchSize() * lrSample];
        float[] hr = new float[config.batchSize() * hrSample];
        for (int b = 0; b < plan.size(); b++) {
            PatchPlan s = plan.get(b);
            HrLrPair pair = pairs.get(s.pair());
            cut(pair.lr(), s.lrTop(), s.lrLeft(), p, s.transform(), lr, b * lrSample);
            cut(
                    pair.hr(),
                    s.lrTop() * scale,
                    s.lrLeft() * scale,
                    hp,
                    s.transform(),
                    hr,
                    b * hrSample);
        }
        return new Batch(lr, hr, config.batchSize(), channels, p, p, scale);
    }

    /**
     * A background iterator over batches {@code start, start+1, ...} made by {@code workers}
     * threads, at most {@code 2 * workers} ahead. Close it to stop its threads.
     */
    public PrefetchingBatches prefetch(long start, int workers) {
        return new PrefetchingBatches(this, start, Long.MAX_VALUE, workers, 2 * workers);
    }

    /**
     * The square patch at (top, left) of side {@code size}, transformed, as floats v/255 into
     * {@code out}.
     */
    private static void cut(
            ByteImage image, int top, int left, int size, Dihedral t, float[] out, int offset) {
        byte[] src = image.data();
        int w = image.width();
        int plane = image.planeSize();
        int o = offset;
        for (int c = 0; c < image.channels(); c++) {
            int base = c * plane + top * w + left;
            for (int i = 0; i < size; i++) {
                if (t == Dihedral.IDENTITY) {
                    int row = base + i * w;
                    for (int j = 0; j < size; j++) {
                        out[o++] = (src[row + j] & 0xFF) / 255f;
                    }
                } else {
                    for (int j = 0; j < size; j++) {
                        int y = t.sourceRow(i, j, size, size);
                        int x = t.sourceColumn(i, j, size, size);
                        out[o++] = (src[base + y * w + x] & 0xFF) / 255f;
                    }
                }
            }
        }
    }

    /** Seeded Fisher-Yates shuffles of 0..n-1, one per pass, the last few kept. */
    private static final class Permutations {
        private static final int KEEP = 4;
        private final int n;
        private final long seed;
        private final long stream;
        private final long[] passes = new long[KEEP];
        private final int[][] perms = new int[KEEP][];
        private int next;

        Permutations(int n, long seed, long stream) {
            this.n = n;
            this.seed = seed;
            this.stream = stream;
            java.util.Arrays.fill(passes, -1);
        }

        synchronized int[] get(long pass) {
            for (int i = 0; i < KEEP; i++) {
                if (passes[i] == pass) {
                    return perms[i];
                }
            }
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed, stream, pass));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            passes[next] = pass;
            perms[next] = perm;
            next = (next + 1) % KEEP;
            return perm;
        }
    }
}
