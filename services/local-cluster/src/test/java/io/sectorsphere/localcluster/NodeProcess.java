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
 * One whole node (locator and storage node, see {@link NodeMain}) as its own JVM process, started
 * from this test's class path, with its output in a log file. Ports and data directory stay the
 * same across restarts, and so do its ring id, holder address and files.
 */
final class NodeProcess {

    /** Options that make a small Spring Boot JVM start fast on a 2-core machine. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss512k", "-XX:+UseSerialGC", "-Xmx160m");
    private static final String HOST = "127.0.0.1";

    private final int index;
    private final int locatorPort;
    private final int storagePort;
    private final Path dataDir;
    private final Path log;
    private final LocatorClient locator;
    private final StorageClient storage;
    private Process process;
    private int starts;

    NodeProcess(int index, int locatorPort, int storagePort, Path dataDir, Path logDirectory, HttpClient http) {
        this.index = index;
        this.locatorPort = locatorPort;
        this.storagePort = storagePort;
        this.dataDir = dataDir;
        this.log = logDirectory.resolve("node-" + index + ".log");
        this.locator = new LocatorClient("http://" + ringAddress(), http);
        this.storage = new StorageClient("http://" + holder(), http);
    }

    /**
     * Starts the JVM; the node is up once both its services say they are ready.
     *
     * @param environment variables for the JVM, where secrets go
     */
    void start(List<String> join, Map<String, String> properties, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeMain.class.getName());
        command.add(HOST);
        command.add(String.valueOf(locatorPort));
        command.add(String.valueOf(storagePort));
        command.add(dataDir.toString());
        command.add(join.isEmpty() ? "-" : String.join(",", join));
        command.add("spring.main.banner-mode=off");
        properties.forEach((key, value) -> command.add(key + "=" + value));
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
            throw new UncheckedIOException("cannot start node " + index, e);
        }
    }

    boolean isReady() {
        return locator.isReady() && storage.isReady();
    }

    /** SIGKILL: neither service gets a chance to hand anything over or withdraw anything. */
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
                throw new IllegalStateException("node " + index + " (pid " + running.pid() + ") did not end");
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
        return HOST + ":" + locatorPort;
    }

    /** The storage node's {@code host:port}, as its location records name it. */
    String holder() {
        return HOST + ":" + storagePort;
    }

    LocatorClient locator() {
        return locator;
    }

    StorageClient storage() {
        return storage;
    }

    Path dataDir() {
        return dataDir;
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
        return "node " + index + " at " + ringAddress() + " + " + holder()
                + (isAlive() ? " (pid " + process.pid() + ")" : " (not running)");
    }
}
