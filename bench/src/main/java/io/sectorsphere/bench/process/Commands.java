package io.sectorsphere.bench.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * External commands (cat, cp, sync, curl) run with a time limit, timed from start to exit. Every
 * process started here is remembered until it ends, so {@link #killAll} (on failure and at JVM
 * exit) can end exactly the processes this benchmark started, by their handles.
 */
public final class Commands {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private Commands() {
    }

    /** A finished command: exit code, what it printed on stdout, and how long it ran. */
    public record Result(int exitCode, String stdout, long nanos) {

        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** A started command; {@link #await} bounds and times it. */
    public static final class Running {
        private final List<String> command;
        private final Process process;
        private final long started;
        private final Path stdout;

        private Running(List<String> command, Process process, long started, Path stdout) {
            this.command = command;
            this.process = process;
            this.started = started;
            this.stdout = stdout;
        }

        /** Ends a process that runs until told to (a server): SIGTERM, then SIGKILL after five seconds. */
        public void stop() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                RUNNING.remove(process);
            }
        }

        public Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.getFirst() + " did not finish within " + timeout);
                }
                long nanos = System.nanoTime() - started;
                String out = stdout == null ? "" : Files.readString(stdout, StandardCharsets.UTF_8).strip();
                return new Result(process.exitValue(), out, nanos);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + command.getFirst(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                RUNNING.remove(process);
                if (stdout != null) {
                    try {
                        Files.deleteIfExists(stdout);
                    } catch (IOException e) {
                        // Inside the work directory, which goes anyway.
                    }
                }
            }
        }
    }

    /**
     * Starts {@code command} with stdin and stdout on /dev/null (as {@code cmd > /dev/null}) and
     * stderr inherited.
     */
    public static Running startDiscarding(List<String> command) {
        return start(command, ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.INHERIT, null);
    }

    /** Starts {@code command} with stdout and stderr appended to {@code log}: programs whose output is a record only. */
    public static Running startLogging(List<String> command, Path log) {
        ProcessBuilder.Redirect append = ProcessBuilder.Redirect.appendTo(log.toFile());
        return start(command, append, append, null);
    }

    /** Starts {@code command} with stdout captured into {@code capture} (a file in the work directory). */
    public static Running startCapturing(List<String> command, Path capture) {
        return start(command, ProcessBuilder.Redirect.to(capture.toFile()), ProcessBuilder.Redirect.INHERIT, capture);
    }

    /** Runs a command to its end and returns its result, whatever its exit code. */
    public static Result run(Duration timeout, Path capture, String... command) {
        return startCapturing(List.of(command), capture).await(timeout);
    }

    /** Runs a command that must succeed. */
    public static Result check(Duration timeout, Path capture, String... command) {
        Result result = run(timeout, capture, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode());
        }
        return result;
    }

    /** Whether an executable of that name is on the PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Ends every command still running (only ever ours: they were started here). */
    public static void killAll() {
        for (Process process : new ArrayList<>(RUNNING)) {
            process.destroyForcibly();
            RUNNING.remove(process);
        }
    }

    private static Running start(List<String> command, ProcessBuilder.Redirect out, ProcessBuilder.Redirect err,
                                 Path capture) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out)
                .redirectError(err);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            RUNNING.add(process);
            return new Running(List.copyOf(command), process, started, capture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
    }
}
