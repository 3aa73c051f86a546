package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.interop.PeerProcess;
import io.sectorsphere.udt.interop.PeerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The flow a user gets with default settings: a fresh transfer agent ({@link AgentProcess}) on the
 * sending side serves a file, and a fresh client JVM on the receiving side downloads it to disk
 * ({@link AgentGet}, the code {@code sector get} runs through the agents). The client gives up
 * after {@link #DEADLINE_FLOW_TIMES} flow times and then reports what it got by then.
 */
final class AgentDownloadFlow implements Flow {

    static final int DEADLINE_FLOW_TIMES = 3;
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final String TRANSPORT = "transport=";

    private final Path java;
    private final String classPath;
    private final NetworkPath path;
    private final AgentFile file;
    private final Path directory;
    private final Duration deadline;
    private final AgentProcess agent;
    private PeerProcess client;

    AgentDownloadFlow(Path java, String classPath, NetworkPath path, AgentFile file, Path workDirectory,
                      Duration flowTime) throws Exception {
        this.java = java;
        this.classPath = classPath;
        this.path = path;
        this.file = file;
        this.deadline = flowTime.multipliedBy(DEADLINE_FLOW_TIMES);
        this.directory = Files.createTempDirectory(Files.createDirectories(workDirectory), "agent-download-");
        try {
            this.agent = AgentProcess.start(path.senderPrefix(), java, classPath, file, directory.resolve("agent.log"));
        } catch (Exception e) {
            delete(directory);
            throw e;
        }
    }

    @Override
    public void begin() throws IOException {
        List<String> command = new ArrayList<>(path.receiverPrefix());
        command.addAll(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                AgentGet.class.getName(), path.senderHost() + ":" + AgentProcess.DATA_PORT, Long.toString(agent.pid()),
                file.name(), Long.toString(file.size()), file.sha256(), file.secret(),
                directory.resolve("download.bin").toString(),
                String.format(Locale.ROOT, "%.3f", deadline.toNanos() / 1e9)));
        client = PeerProcess.start("agent client", command, false);
    }

    @Override
    public long deliveredBytes() {
        throw new UnsupportedOperationException("a download through an agent is measured alone");
    }

    @Override
    public FlowResult await() throws Exception {
        PeerResult result;
        try {
            result = client.awaitResult(deadline.plus(GRACE));
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; agent: " + agent.logTail(), e);
        }
        String transport = client.stderrLines().stream().filter(line -> line.startsWith(TRANSPORT))
                .map(line -> line.substring(TRANSPORT.length()).strip()).findFirst().orElse(null);
        return new FlowResult(result.mbps(), result.bytes(), result.cpuSeconds(), transport);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        agent.close();
        delete(directory);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Inside the run's work directory, which goes at exit anyway.
            System.err.println("bench/udt: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
