package io.srgrn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.resize.MatlabBicubic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetScorerTest {
    private static final int SCALE = 2;

    private static List<HrLrPair> pairs() {
        List<HrLrPair> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ByteImage hr = EvaluatorTest.image(3, 24, 20 + 2 * i, i);
            pairs.add(new HrLrPair("img" + i, hr, Degradation.bi(SCALE).apply(hr), SCALE));
        }
        return pairs;
    }

    @Test
    void scoresEachImageAsTheEvaluatorDoesAndAveragesThem() {
        List<HrLrPair> pairs = pairs();
        SetScorer scorer = new SetScorer(EvaluationOptions.defaults());
        SetScore set =
                scorer.score(
                        "tiny",
                        pairs,
                        lr -> MatlabBicubic.upscale(ByteImage.quantize(lr), SCALE).toPlanar());

        Evaluator evaluator = new Evaluator(EvaluationOptions.defaults());
        double sumPsnr = 0;
        double sumSsim = 0;
        for (int i = 0; i < pairs.size(); i++) {
            HrLrPair p = pairs.get(i);
            ImageScore expected =
                    evaluator.score(p.id(), p.hr(), MatlabBicubic.upscale(p.lr(), SCALE), SCALE);
            assertThat(set.images().get(i)).isEqualTo(expected);
            sumPsnr += expected.psnr();
            sumSsim += expected.ssim();
        }
        assertThat(set.name()).isEqualTo("tiny");
        assertThat(set.meanPsnr()).isEqualTo(sumPsnr / pairs.size());
        assertThat(set.meanSsim()).isEqualTo(sumSsim / pairs.size());
        assertThat(set.meanPsnr()).isBetween(10.0, 60.0);
    }

    @Test
    void tellsTheCallerAboutEachImageInOrderWithTheOutput() {
        List<HrLrPair> pairs = pairs();
        List<ScoredImage> seen = new ArrayList<>();
        SetScore set =
                new SetScorer(EvaluationOptions.defaults())
                        .score(
                                "tiny",
                                pairs,
                                lr ->
                                        MatlabBicubic.upscale(ByteImage.quantize(lr), SCALE)
                                                .toPlanar(),
                                seen::add);
        assertThat(seen).extracting(s -> s.pair().id()).containsExactly("img0", "img1", "img2");
        assertThat(seen).extracting(ScoredImage::score).containsExactlyElementsOf(set.images());
        assertThat(seen.get(1).sr().width()).isEqualTo(pairs.get(1).hr().width());
    }

    @Test
    void differentMethodsScoreDifferently() {
        List<HrLrPair> pairs = pairs();
        SetScorer scorer = new SetScorer(EvaluationOptions.defaults());
        SetScore bicubic =
                scorer.score(
                        "tiny",
                        pairs,
                        lr -> MatlabBicubic.upscale(ByteImage.quantize(lr), SCALE).toPlanar());
        // A nearest-neighbour upscale loses to bicubic on smooth images: the scorer must tell them
        // apart.
        SetScore nearest =
                scorer.score(
                        "tiny",
                        pairs,
                        lr -> {
                            var out =
                                    io.srgrn.data.image.PlanarImage.zeros(
                                            lr.channels(), lr.height() * SCALE, lr.width() * SCALE);
                            for (int c = 0; c < lr.channels(); c++) {
                                for (int y = 0; y < out.height(); y++) {
                                    for (int x = 0; x < out.width(); x++) {
                                        out.data()[(c * out.height() + y) * out.width() + x] =
                                                lr.get(c, y / SCALE, x / SCALE);
                                    }
                                }
                            }
                            return out;
                        });
        assertThat(bicubic.meanPsnr()).isNotEqualTo(nearest.meanPsnr());
    }
}
