package io.srgrn.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class CliRepro {
    public static void main(String[] a) throws Exception {
        int runs = Integer.parseInt(a[0]);
        String threads = a[1];
        Path root = Files.createTempDirectory("nanrepro");
        Path data = Files.createDirectories(root.resolve("train"));
        for (int i = 0; i < 3; i++) Cli.image(data.resolve("img" + i + ".png"), 3, 24, 20 + 2 * i, false, 100 + i);
        int bad = 0;
        for (int r = 0; r < runs; r++) {
            Path run = root.resolve("run" + r);
            Cli.Result res = Cli.run("train", "--data", data.toString(), "--scale", "2", "--preset", "compact",
                "--iterations", "3", "--patch", "6", "--batch", "2", "--val-every", "0", "--threads", threads, "-o", run.toString());
            if (res.code() != 0) { bad++; System.out.println("run " + r + ": " + res.err()); }
        }
        System.out.println("BAD " + bad + " / " + runs);
        System.exit(0);
    }
}
