package io.srgrn.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
