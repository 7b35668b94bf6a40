package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code srgrn info}: backends, their availability and devices, and model sizes and costs. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the backends found (availability with the reason, devices) and, for a model "
                    + "configuration, its parameter count and FLOPs per LR pixel (the cost axis of the paper's Figure 4).",
            "Loads no native library."
        })
final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Option(
            names = "--config",
            paramLabel = "PRESET",
            completionCandidates = ConfigOptions.Names.class,
            description = "Show only this preset (${COMPLETION-CANDIDATES}); default: all presets.")
    String config;

    @Option(
            names = "--scale",
            paramLabel = "S",
            description = "Show only this scale (2, 3 or 4); default: all.")
    Integer scale;

    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "Show the configuration stored in a weights file.")
    Path weights;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("## Backends");
        out.println();
        out.print(backendTable(Backends.discover()).render());
        out.println();
        out.println("## Models");
        out.println();
        out.print(modelTable(configs()).render());
        out.println();
        out.println(
                "FLOPs count a multiply-add as two operations; per LR pixel of a 48x48 input, batch 1.");
        return ExitCodes.OK;
    }

    static MarkdownTable backendTable(List<Backend> backends) {
        MarkdownTable t =
                new MarkdownTable("backend", "priority", "available", "devices", "reason")
                        .alignRight(1);
        for (Backend b : backends) {
            Availability a = b.availability();
            String devices =
                    a.available()
                            ? b.devices().stream()
                                    .map(Device::toString)
                                    .collect(Collectors.joining(", "))
                            : "-";
            t.row(b.name(), b.priority(), a.available() ? "yes" : "no", devices, a.reason());
        }
        if (backends.isEmpty()) {
            t.row("(none)", "-", "no", "-", "no backend module on the class path");
        }
        return t;
    }

    private List<Labelled> configs() {
        if (weights != null) {
            ModelRef.requireWeightsFile("weights file", weights);
            return List.of(
                    new Labelled(
                            weights.getFileName().toString(), WeightsFile.load(weights).config()));
        }
        List<String> presets = config == null ? ConfigOptions.PRESETS : List.of(config);
        List<Integer> scales = scale == null ? List.of(2, 3, 4) : List.of(scale);
        List<Labelled> list = new ArrayList<>();
        for (String p : presets) {
            for (int s : scales) {
                list.add(new Labelled(p, ConfigOptions.preset(p, s)));
            }
        }
        return list;
    }

    record Labelled(String name, SrgrnConfig config) {}

    static MarkdownTable modelTable(List<Labelled> configs) {
        MarkdownTable t =
                new MarkdownTable(
                                "config",
                                "scale",
                                "G0",
                                "D",
                                "C",
                                "G",
                                "N",
                                "alpha",
                                "parameters",
                                "FLOPs / LR pixel")
                        .alignRight(1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (Labelled l : configs) {
            SrgrnConfig c = l.config();
            SrgrnSpec s = new SrgrnSpec(c);
            t.row(
                    l.name(),
                    "x" + c.scale(),
                    c.g0(),
                    c.d(),
                    c.c(),
                    c.g(),
                    c.n(),
                    c.alpha(),
                    Numbers.grouped(s.parameterCount()),
                    Numbers.si(s.flopsPerLrPixel()));
        }
        return t;
    }
}
