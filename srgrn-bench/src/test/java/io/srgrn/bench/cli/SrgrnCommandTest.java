package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrgrnCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"upscale", "train", "eval", "compare", "info"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Usage: srgrn " + command).contains("--help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("upscale", "train", "eval", "compare", "info", "Exit status");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Cli.Result r = Cli.run("upscal");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("upscal").contains("upscale");
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() {
        Cli.Result r = Cli.run("info", "--colour");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--colour'").contains("srgrn info --help");
    }

    @Test
    void badNumberIsAUsageError() {
        Cli.Result r = Cli.run("compare", "--scale", "four");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scale").contains("four");
    }

    @Test
    void badDeviceIsAUsageErrorNamingTheValue() {
        Cli.Result r = Cli.run("upscale", "x.png", "-o", "y.png", "--device", "tpu");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("tpu").contains("cpu, cuda, cuda:N");
    }
}
