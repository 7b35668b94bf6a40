package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import java.util.List;

/** The named configurations the command line accepts for {@code --config} / {@code --preset}. */
final class ConfigOptions {
    static final List<String> PRESETS = List.of("paper", "compact");

    private ConfigOptions() {}

    static SrgrnConfig preset(String name, int scale) {
        if (!PRESETS.contains(name)) {
            throw new UsageException("unknown preset '" + name + "'; allowed: " + String.join(", ", PRESETS));
        }
        if (scale != 2 && scale != 3 && scale != 4) {
            throw new UsageException("invalid --scale " + scale + "; allowed: 2, 3, 4");
        }
        return SrgrnConfig.preset(name, scale);
    }

    /** Picocli completion candidates for presets. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(PRESETS);
        }
    }
}
