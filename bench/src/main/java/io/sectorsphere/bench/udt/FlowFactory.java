package io.sectorsphere.bench.udt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the flows a case compares: ours (UdtPerf in a JVM of its own), libudt's peer, iperf3 TCP
 * and a download through a transfer agent with default settings ({@link AgentDownloadFlow}). Every
 * flow starts its processes afresh, so none is warmed up.
 */
final class FlowFactory {

    private final Path java;
    private final String classPath;
    private final List<String> oursProgram;
    private final List<String> libudtProgram;
    private final Duration duration;
    private final boolean counted;

    /**
     * @param java      the JVM that runs our perf tool, the agent and its client
     * @param classPath the class path holding {@link UdtPerf}, the engine and the transfer agent
     * @param udtpeer   the compiled libudt peer
     * @param duration  how long a flow sends
     */
    FlowFactory(Path java, String classPath, Path udtpeer, Duration duration) {
        this(java, classPath, List.of(udtpeer.toString()), duration, false);
    }

    private FlowFactory(Path java, String classPath, List<String> libudtProgram, Duration duration, boolean counted) {
        this.java = java;
        this.classPath = classPath;
        this.oursProgram = List.of(java.toString(), "-XX:+UseParallelGC", "-cp", classPath, UdtPerf.class.getName());
        this.libudtProgram = libudtProgram;
        this.duration = duration;
        this.counted = counted;
    }

    /** Flows that send for {@code sendTime} and count their delivered bytes, for a shared measurement window. */
    FlowFactory counting(Duration sendTime) {
        return new FlowFactory(java, classPath, libudtProgram, sendTime, true);
    }

    /** Our engine; {@code congestion} null keeps its default controller, {@code windowPackets} 0 its default window. */
    Flow ours(NetworkPath path, int mss, int windowPackets, String congestion) throws Exception {
        List<String> extra = congestion == null ? List.of() : List.of("--cc", congestion);
        return new UdtPeerFlow("ours", oursProgram, path, mss, windowPackets, duration, extra, counted);
    }

    Flow libudt(NetworkPath path, int mss, int windowPackets) throws Exception {
        return new UdtPeerFlow("libudt", libudtProgram, path, mss, windowPackets, duration, List.of(), counted);
    }

    Flow tcp(NetworkPath path, int port, String congestion, int streams, List<String> extraArgs) throws Exception {
        return new TcpFlow(path, port, duration, congestion, streams, new ArrayList<>(extraArgs));
    }

    /** {@code file} fetched from a fresh transfer agent by a fresh client, every setting the default. */
    Flow agentDownload(NetworkPath path, AgentFile file, Path workDirectory) throws Exception {
        return new AgentDownloadFlow(java, classPath, path, file, workDirectory, duration);
    }
}
