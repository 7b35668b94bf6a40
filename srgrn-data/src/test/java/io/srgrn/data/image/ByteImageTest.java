package io.srgrn.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteImageTest {

    @Test
    void quantisationRoundsHalfUpAndClamps() {
        // 0.5f * 255 = 127.5 exactly: the half goes up.
        float[] v = {
            -0.1f,
            0f,
            0.49f / 255,
            0.5f,
            1.6f / 255,
            254.4f / 255,
            254.6f / 255,
            1f,
            1.2f,
            Float.NaN
        };
        ByteImage q = ByteImage.quantize(new PlanarImage(1, 1, v.length, v));
        int[] got = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            got[i] = q.get(0, 0, i);
        }
        assertThat(got).containsExactly(0, 0, 0, 128, 2, 254, 255, 255, 255, 0);
    }

    @Test
    void everyByteSurvivesTheTripThroughFloat() {
        ByteImage all = ByteImage.zeros(1, 1, 256);
        for (int i = 0; i < 256; i++) {
            all.data()[i] = (byte) i;
        }
        assertThat(ByteImage.quantize(all.toPlanar())).isEqualTo(all);
        assertThat(all.toPlanar().get(0, 0, 255)).isEqualTo(1f);
        assertThat(all.toPlanar().get(0, 0, 51)).isEqualTo(0.2f);
    }

    @Test
    void cropReplicateAndChannel() {
        ByteImage img = ByteImage.zeros(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            img.data()[i] = (byte) i;
        }
        ByteImage crop = img.crop(1, 2, 2, 2);
        assertThat(crop.data()).containsExactly(6, 7, 10, 11, 18, 19, 22, 23);
        ByteImage rep = img.channel(1).replicate(3);
        assertThat(rep.channels()).isEqualTo(3);
        assertThat(rep.isGreyscaleContent()).isTrue();
        assertThat(img.isGreyscaleContent()).isFalse();
        assertThat(rep.get(2, 2, 3)).isEqualTo(23);
        assertThatThrownBy(() -> img.crop(2, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void shapeMustMatchData() {
        assertThatThrownBy(() -> new PlanarImage(3, 2, 2, new float[11]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11")
                .hasMessageContaining("12");
        assertThatThrownBy(() -> new ByteImage(0, 2, 2, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
