package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import java.util.List;

/** The named configurations the command line accepts for {@code --config} / {@code --preset}. */
final class ConfigOptions {
    static final List<String> PRESETS = List.of("paper", "compact");

    private ConfigOptions() {}

    static SrgrnConfig preset(String name, int scale) {
        if (!PRESETS.contains(name)) {
            throw new UsageException(
                    "unknown preset '" + name + "'; allowed: " + String.join(", ", PRESETS));
        }
        requireScale(scale);
        return SrgrnConfig.preset(name, scale);
    }

    /**
     * {@code --scale} must be one of {@link SrgrnConfig#SCALES}; every command says so in the same
     * words.
     */
    static int requireScale(int scale) {
        if (!SrgrnConfig.isSupportedScale(scale)) {
            throw new UsageException(
                    "invalid --scale "
                            + scale
                            + "; allowed: "
                            + String.join(
                                    ", ",
                                    SrgrnConfig.SCALES.stream().map(String::valueOf).toList()));
        }
        return scale;
    }

    /** Picocli completion candidates for presets. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(PRESETS);
        }
    }
}
