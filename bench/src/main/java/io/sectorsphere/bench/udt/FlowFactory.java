package io.sectorsphere.bench.udt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Creates the flows a case compares: ours (UdtPerf in its own JVM), libudt's peer and iperf3 TCP. */
final class FlowFactory {

    private final List<String> oursProgram;
    private final List<String> libudtProgram;
    private final Duration duration;

    /**
     * @param java      the JVM that runs our perf tool
     * @param classPath the class path holding {@link UdtPerf} and the engine
     * @param udtpeer   the compiled libudt peer
     */
    FlowFactory(Path java, String classPath, Path udtpeer, Duration duration) {
        this.oursProgram = List.of(java.toString(), "-XX:+UseParallelGC", "-cp", classPath, UdtPerf.class.getName());
        this.libudtProgram = List.of(udtpeer.toString());
        this.duration = duration;
    }

    /**
     * Our engine; {@code congestion} null keeps its default controller. With a positive
     * {@code warmup} both ends first move data unmeasured for that long (see {@link UdtPerf}).
     */
    Flow ours(NetworkPath path, int mss, int windowPackets, String congestion, Duration warmup) throws Exception {
        List<String> extra = new ArrayList<>();
        if (congestion != null) {
            extra.addAll(List.of("--cc", congestion));
        }
        if (warmup.isPositive()) {
            extra.addAll(List.of("--warmup", Double.toString(warmup.toMillis() / 1000.0)));
        }
        return new UdtPeerFlow("ours", oursProgram, path, mss, windowPackets, duration, extra);
    }

    Flow libudt(NetworkPath path, int mss, int windowPackets) throws Exception {
        return new UdtPeerFlow("libudt", libudtProgram, path, mss, windowPackets, duration, List.of());
    }

    Flow tcp(NetworkPath path, int port, String congestion, int streams, List<String> extraArgs) throws Exception {
        return new TcpFlow(path, port, duration, congestion, streams, new ArrayList<>(extraArgs));
    }
}
