package io.srgrn.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchSamplerTest {

    /**
     * A pair whose LR sample at (y, x) holds a code of its position and whose HR sample at (Y, X)
     * holds the code of the LR sample above it, so an aligned HR patch must equal its LR patch
     * upsampled by pixel repetition.
     */
    static HrLrPair codedPair(String id, int channels, int lrH, int lrW, int scale, int salt) {
        ByteImage lr = ByteImage.zeros(channels, lrH, lrW);
        ByteImage hr = ByteImage.zeros(channels, lrH * scale, lrW * scale);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < lrH * scale; y++) {
                for (int x = 0; x < lrW * scale; x++) {
                    int code = ((y / scale) * lrW + x / scale + 50 * c + salt) & 0xFF;
                    hr.data()[(c * lrH * scale + y) * lrW * scale + x] = (byte) code;
                    if (y % scale == 0 && x % scale == 0) {
                        lr.data()[(c * lrH + y / scale) * lrW + x / scale] = (byte) code;
                    }
                }
            }
        }
        return new HrLrPair(id, hr, lr, scale);
    }

    static List<HrLrPair> pairs(int n) {
        List<HrLrPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(codedPair("p" + i, 3, 15, 13, 2, 7 * i));
        }
        return pairs;
    }

    @Test
    void hrPatchesAreAlignedWithLrPatchesUnderEveryTransform() {
        PatchSampler sampler = new PatchSampler(pairs(3), new PatchSampler.Config(6, 8, true, 11));
        Set<Dihedral> seen = EnumSet.noneOf(Dihedral.class);
        for (long index = 0; index < 20; index++) {
            Batch b = sampler.batch(index);
            assertThat(b.lrShape()).containsExactly(8, 3, 6, 6);
            assertThat(b.hrShape()).containsExactly(8, 3, 12, 12);
            for (int n = 0; n < b.size(); n++) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 12; y++) {
                        for (int x = 0; x < 12; x++) {
                            float hr = b.hr()[((n * 3 + c) * 12 + y) * 12 + x];
                            float lr = b.lr()[((n * 3 + c) * 6 + y / 2) * 6 + x / 2];
                            assertThat(hr)
                                    .as("batch %d sample %d (%d,%d,%d)", index, n, c, y, x)
                                    .isEqualTo(lr);
                        }
                    }
                }
            }
            sampler.plan(index).forEach(p -> seen.add(p.transform()));
        }
        assertThat(seen).containsExactlyInAnyOrder(Dihedral.values());
    }

    @Test
    void lrPatchIsTheTransformedCropThePlanNames() {
        List<HrLrPair> pairs = pairs(4);
        PatchSampler sampler = new PatchSampler(pairs, new PatchSampler.Config(5, 4, true, 3));
        Batch b = sampler.batch(7);
        List<PatchPlan> plan = sampler.plan(7);
        int len = 3 * 5 * 5;
        for (int n = 0; n < 4; n++) {
            PatchPlan p = plan.get(n);
            PlanarImage crop =
                    pairs.get(p.pair()).lr().toPlanar().crop(p.lrTop(), p.lrLeft(), 5, 5);
            float[] got = java.util.Arrays.copyOfRange(b.lr(), n * len, (n + 1) * len);
            assertThat(new PlanarImage(3, 5, 5, got))
                    .as("sample %d %s", n, p)
                    .isEqualTo(p.transform().apply(crop));
        }
    }

    @Test
    void batchesArePureFunctionsOfSeedAndIndex() {
        PatchSampler a = new PatchSampler(pairs(5), new PatchSampler.Config(4, 3, true, 42));
        PatchSampler b = new PatchSampler(pairs(5), new PatchSampler.Config(4, 3, true, 42));
        PatchSampler other = new PatchSampler(pairs(5), new PatchSampler.Config(4, 3, true, 43));
        // Out of order and repeated calls must not change anything.
        Batch late = a.batch(1000);
        for (long i = 0; i < 10; i++) {
            Batch x = a.batch(i);
            Batch y = b.batch(i);
            assertThat(x.lr()).isEqualTo(y.lr());
            assertThat(x.hr()).isEqualTo(y.hr());
        }
        assertThat(a.batch(1000).lr()).isEqualTo(late.lr());
        assertThat(a.batch(1).lr()).isNotEqualTo(a.batch(2).lr());
        assertThat(other.batch(1).lr()).isNotEqualTo(a.batch(1).lr());
    }

    @Test
    void everyPairIsUsedOncePerPass() {
        int n = 7;
        PatchSampler sampler = new PatchSampler(pairs(n), new PatchSampler.Config(4, 3, false, 5));
        List<Integer> order = new ArrayList<>();
        for (long i = 0; i < 7; i++) {
            sampler.plan(i).forEach(p -> order.add(p.pair()));
        }
        // 21 samples = 3 passes over 7 pairs.
        for (int pass = 0; pass < 3; pass++) {
            assertThat(order.subList(pass * n, (pass + 1) * n))
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        }
        assertThat(order.subList(0, n)).isNotEqualTo(order.subList(n, 2 * n));
        sampler.plan(3).forEach(p -> assertThat(p.transform()).isEqualTo(Dihedral.IDENTITY));
    }

    @Test
    void invalidInputsAreRejected() {
        List<HrLrPair> mixed =
                List.of(codedPair("a", 3, 10, 10, 2, 0), codedPair("b", 3, 10, 10, 3, 0));
        assertThatThrownBy(() -> new PatchSampler(mixed, new PatchSampler.Config(4, 2, true, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'");
        List<HrLrPair> small = List.of(codedPair("tiny", 3, 10, 5, 2, 0));
        assertThatThrownBy(() -> new PatchSampler(small, new PatchSampler.Config(6, 2, true, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tiny")
                .hasMessageContaining("10x5");
        assertThatThrownBy(() -> new PatchSampler(List.of(), PatchSampler.Config.paper(0)))
                .isInstanceOf(IllegalArgumentException.class);
        PatchSampler ok = new PatchSampler(small, new PatchSampler.Config(4, 2, true, 0));
        assertThatThrownBy(() -> ok.batch(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paperDefaults() {
        PatchSampler.Config c = PatchSampler.Config.paper(1);
        assertThat(c.lrPatch()).isEqualTo(48);
        assertThat(c.batchSize()).isEqualTo(16);
        assertThat(c.augment()).isTrue();
    }
}
