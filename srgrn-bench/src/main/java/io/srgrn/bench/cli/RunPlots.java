package io.srgrn.bench.cli;

import io.srgrn.bench.plot.Chart;
import io.srgrn.bench.plot.Png;
import io.srgrn.bench.plot.Series;
import io.srgrn.train.MetricLog;
import io.srgrn.train.RunSettings;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The pictures of a training run, drawn from its logs: loss, validation PSNR and the gammas. */
final class RunPlots {
    private RunPlots() {}

    /** Writes the plots whose logs have data into {@code dir}; returns their file names. */
    static List<String> write(Path dir, RunSettings settings, String validationName) {
        String model = "SRGRN " + settings.preset() + " x" + settings.scale();
        List<String> written = new ArrayList<>();
        List<double[]> loss = MetricLog.read(dir.resolve(TrainCommand.LOSS_LOG), 1);
        if (!loss.isEmpty()) {
            Chart chart = new Chart("Training loss: " + model, "iteration", "L1 loss").logY(true);
            int window = Math.max(1, loss.size() / 100);
            chart.add(
                    Series.line(
                            "loss per iteration",
                            points(loss, 1),
                            window > 1 ? new Color(0xaec7e8) : Chart.PALETTE.get(0)));
            if (window > 1) {
                chart.add(
                        Series.line(
                                "moving mean of " + window,
                                points(loss, window),
                                Chart.PALETTE.get(0)));
            }
            Png.write(chart.render(), dir.resolve("loss.png"));
            written.add("loss.png");
        }
        List<double[]> val = MetricLog.read(dir.resolve(TrainCommand.VALIDATION_LOG), 1);
        if (!val.isEmpty()) {
            Chart chart =
                    new Chart(
                            "Validation PSNR on "
                                    + (validationName == null
                                            ? "the validation set"
                                            : validationName)
                                    + ": "
                                    + model,
                            "iteration",
                            "PSNR (dB), protocol rdn");
            chart.add(
                    Series.line("validation PSNR", points(val, 1), Chart.PALETTE.get(1))
                            .withMarkers());
            Png.write(chart.render(), dir.resolve("validation.png"));
            written.add("validation.png");
        }
        Path gammaLog = dir.resolve(TrainCommand.GAMMA_LOG);
        List<String> names = header(gammaLog);
        if (names.size() > 1 && !MetricLog.read(gammaLog, 1).isEmpty()) {
            Chart chart = new Chart("Global reasoning gammas: " + model, "iteration", "gamma");
            for (int c = 1; c < names.size(); c++) {
                chart.add(
                        Series.line(
                                        names.get(c),
                                        points(MetricLog.read(gammaLog, c), 1),
                                        Chart.PALETTE.get(c - 1))
                                .withMarkers());
            }
            Png.write(chart.render(), dir.resolve("gammas.png"));
            written.add("gammas.png");
        }
        return written;
    }

    private static List<String> header(Path csv) {
        if (!Files.exists(csv)) {
            return List.of();
        }
        try {
            return Files.readAllLines(csv).stream()
                    .findFirst()
                    .map(l -> List.of(l.split(",")))
                    .orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** (iteration, mean of the last {@code window} values) points, thinned to about 2000. */
    private static List<Series.Point> points(List<double[]> values, int window) {
        List<Series.Point> pts = new ArrayList<>();
        int step = Math.max(1, values.size() / 2000);
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i)[1];
            if (i >= window) {
                sum -= values.get(i - window)[1];
            }
            if (i >= window - 1 && (i % step == 0 || i == values.size() - 1)) {
                pts.add(new Series.Point(values.get(i)[0], sum / Math.min(window, i + 1)));
            }
        }
        return pts;
    }
}
