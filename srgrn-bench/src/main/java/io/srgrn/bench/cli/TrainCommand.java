package io.srgrn.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
