package io.sectorsphere.localcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One locator-service node as its own JVM process, started from this test's class path, with its
 * output in a log file. The port stays the same across restarts, and so does the ring id.
 */
final class LocatorProcess {

    /** Options that make a small Spring Boot JVM start fast on a 2-core machine. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss512k", "-XX:+UseSerialGC", "-Xmx128m");
    private static final String MAIN_CLASS = "io.sectorsphere.locator.LocatorApplication";
    private static final String HOST = "127.0.0.1";

    private final int index;
    private final int port;
    private final Path log;
    private final LocatorClient client;
    private Process process;
    private int starts;

    LocatorProcess(int index, int port, Path logDirectory, HttpClient http) {
        this.index = index;
        this.port = port;
        this.log = logDirectory.resolve("locator-" + index + ".log");
        this.client = new LocatorClient("http://" + ringAddress(), http);
    }

    /** Starts the JVM; the node is up once {@link LocatorClient#isReady()} says so. */
    void start(List<String> join, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.add("--server.address=" + HOST);
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        if (!join.isEmpty()) {
            command.add("--sector.locator.join=" + String.join(",", join));
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            starts++;
            // Appends, so the log of a restarted node still shows how it died the first time.
            Files.writeString(log, "---- start " + starts + " of " + this + ", joining " + join + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start locator " + index, e);
        }
    }

    /** SIGKILL: the node gets no chance to hand anything over. */
    void kill() {
        stop(true);
    }

    /** Ends the process if it runs (SIGTERM first, then SIGKILL); safe to call at any time. */
    void destroy() {
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
                throw new IllegalStateException("locator " + index + " (pid " + running.pid() + ") did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int index() {
        return index;
    }

    String ringAddress() {
        return HOST + ":" + port;
    }

    LocatorClient client() {
        return client;
    }

    /** The last {@code lines} lines of the node's output. */
    String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "locator " + index + " at " + ringAddress() + (isAlive() ? " (pid " + process.pid() + ")" : " (not running)");
    }
}
