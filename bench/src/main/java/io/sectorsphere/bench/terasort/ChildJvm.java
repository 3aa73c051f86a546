package io.sectorsphere.bench.terasort;

import io.sectorsphere.bench.process.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class run in a JVM of its own, so that a peer's class path never mixes with ours: a Java
 * home, a heap limit, a class path and options. Its stdout and stderr go to a log file; a run is
 * timed from process start to exit, JVM start-up included, as the peers were timed under
 * {@code /usr/bin/time}.
 */
record ChildJvm(Path javaHome, String heap, String classPath, List<String> options) {

    /** Runs {@code mainClass} to its end and returns the wall time in seconds. */
    double run(String mainClass, List<String> args, Path log, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xmx" + heap);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Commands.Result result = Commands.startLogging(command, log).await(timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(mainClass + " exited with " + result.exitCode() + "; the end of " + log
                    + ":\n" + tail(log));
        }
        return result.seconds();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
