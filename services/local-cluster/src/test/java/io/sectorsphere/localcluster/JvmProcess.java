package io.sectorsphere.localcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this test's class path run as its own JVM, with its output appended to a log
 * file across restarts, for the process tests.
 */
abstract class JvmProcess {

    /** Options that make a small Spring Boot JVM start fast on a 2-core machine. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss512k", "-XX:+UseSerialGC");

    private final String name;
    private final String maxHeap;
    private final Path log;
    private Process process;
    private int starts;

    /**
     * @param name what messages call it, e.g. {@code node 1}
     * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 128m}
     */
    JvmProcess(String name, String maxHeap, Path log) {
        this.name = name;
        this.maxHeap = maxHeap;
        this.log = log;
    }

    /**
     * @param join the ring addresses it joins, for the line the log gets before the process's output
     * @param environment variables for the JVM, where secrets go
     */
    final void launch(String mainClass, List<String> arguments, Map<String, String> environment, List<String> join) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        try {
            starts++;
            // Appends, so the log of a restarted node still shows how it died the first time.
            Files.writeString(log, "---- start " + starts + " of " + this + ", joining " + join + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL: the process gets no chance to hand anything over. */
    final void kill() {
        stop(true);
    }

    /** Ends the process if it runs (SIGTERM first, then SIGKILL); safe to call at any time. */
    final void destroy() {
        stop(false);
    }

    private void stop(boolean forcibly) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        try {
            if (forcibly) {
                running.destroyForcibly();
            } else {
                running.destroy();
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            }
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + running.pid() + ") did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    final boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The last {@code lines} lines of the process's output. */
    final String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Its pid while it runs, for {@code toString()}. */
    final String state() {
        return isAlive() ? " (pid " + process.pid() + ")" : " (not running)";
    }
}
