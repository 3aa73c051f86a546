package io.sectorsphere.bench.udt;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The transfer agent, the deployable itself, in a JVM of its own behind a command prefix (inside an
 * emulated link's namespace) with nothing set but its data directory and secret: every other setting,
 * the JVM's included, is the default a user gets. Its console goes to a log file. It is ready when
 * its HTTP port listens — the web server starts last, after the data plane — as its namespace's
 * {@code /proc/<pid>/net/tcp*} shows (the port is not reachable from outside the namespace, and
 * the agent logs nothing at its default level).
 */
final class AgentProcess implements AutoCloseable {

    /** The agent's default data port, TCP and UDP. */
    static final int DATA_PORT = 6301;
    private static final String MAIN_CLASS = "io.sectorsphere.transfer.agent.TransferAgentApplication";
    /** The agent's default HTTP port. */
    private static final int HTTP_PORT = 6300;
    private static final String LISTEN_STATE = "0A";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AgentProcess start(List<String> prefix, Path java, String classPath, AgentFile file, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath, MAIN_CLASS,
                "--sector.transfer.data-dir=" + file.dataDirectory(), "--sector.transfer.secret=" + file.secret(),
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log.toFile()).start();
        AgentProcess agent = new AgentProcess(process, log);
        try {
            agent.awaitStarted();
            return agent;
        } catch (IOException | InterruptedException | RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    private void awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the transfer agent exited with " + process.exitValue() + ": " + logTail());
            }
            if (inJava() && listening(HTTP_PORT)) {
                return;
            }
            // Polling a log file: there is nothing to wait on.
            Thread.sleep(POLL);
        }
        throw new IOException("the transfer agent did not start within " + READY_TIMEOUT + ": " + logTail());
    }

    /**
     * Whether the prefix ({@code ip netns exec}, same pid) has entered the namespace and become the
     * JVM: before that, {@code /proc/<pid>/net} shows the host's sockets, where another agent may listen.
     */
    private boolean inJava() throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).strip().equals("java");
    }

    /** Whether a TCP socket in the agent's network namespace listens on {@code port}. */
    private boolean listening(int port) throws IOException {
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(process.pid()), "net", table);
            if (Files.exists(file) && listensIn(Files.readAllLines(file), port)) {
                return true;
            }
        }
        return false;
    }

    /** Lines of {@code /proc/net/tcp}: "sl local_address rem_address st ...", addresses as hex ip:port. */
    static boolean listensIn(List<String> lines, int port) {
        String portSuffix = String.format(":%04X", port);
        return lines.stream().skip(1).map(line -> line.trim().split("\\s+"))
                .anyMatch(fields -> fields.length > 3 && fields[1].endsWith(portSuffix) && fields[3].equals(LISTEN_STATE));
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends exactly this process: SIGTERM, then SIGKILL if it has not gone after ten seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
