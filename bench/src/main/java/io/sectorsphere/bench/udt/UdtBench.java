package io.sectorsphere.bench.udt;

import io.sectorsphere.bench.process.BenchDirectories;
import io.sectorsphere.bench.transfer.AgentMemoryCase;
import io.sectorsphere.bench.transfer.BenchFiles;
import io.sectorsphere.bench.transfer.MultiSourceCase;
import io.sectorsphere.bench.udt.FlowRun.FlowMaker;
import io.sectorsphere.bench.udt.FlowRun.Outcome;
import io.sectorsphere.udt.interop.Iperf3;
import io.sectorsphere.udt.interop.LibudtPeer;
import io.sectorsphere.wan.ForwarderStats;
import io.sectorsphere.wan.LinkProfile;
import io.sectorsphere.wan.Side;
import io.sectorsphere.wan.WanEmulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our UDT engine against its peers — UDT 4.11 itself (the libudt C++ peer) and TCP (iperf3 with
 * cubic, eight cubic streams, BBR) — memory to memory, one line per case on stdout, progress on stderr:
 *
 * <ul>
 *   <li>{@code loopback-1500}, {@code loopback-9000}: 10 s on 127.0.0.1 at that MSS, with CPU
 *       seconds per GB (sender and receiver together) for ours and libudt; ours is measured warm
 *       (after {@link #WARMUP} of unmeasured traffic, as a long-running agent runs) and cold (a
 *       fresh JVM, JIT compilation and start-up included);</li>
 *   <li>{@code wan-<rate>-<rtt>ms-<loss>}: an emulated link (1g or 200m; RTT 16, 55, 71, 200 ms;
 *       random loss 0, 0.0001, 0.001 each way), each flow 10 s alone on it; ours uses
 *       {@code dedicated} where there is loss and its default otherwise, measured warm;</li>
 *   <li>{@code fairness-ours}: two of our {@code fair} flows sharing a 200 Mb/s, 16 ms link — Jain's
 *       index, with two libudt flows for reference;</li>
 *   <li>{@code fairness-tcp}: one {@code fair} flow with one cubic flow — TCP's share, with libudt
 *       against cubic for reference;</li>
 *   <li>{@code multisource-udt}, {@code multisource-tcp}: one file from three sources behind links of
 *       different rates, fetched by one multi-source download ({@link MultiSourceCase});</li>
 *   <li>{@code memory}: a transfer agent serving 8 concurrent UDT downloads ({@link AgentMemoryCase}).</li>
 * </ul>
 *
 * Our side runs {@link UdtPerf} in its own JVM, inside the emulator's namespaces like every peer.
 * Until the engine works, ours prints {@code n/a} with the reason and the peers are still measured.
 */
public final class UdtBench {

    private static final Duration FLOW_TIME = Duration.ofSeconds(10);
    /** Unmeasured traffic before ours is measured, so that the JIT compiler has done its work. */
    static final Duration WARMUP = Duration.ofSeconds(8);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(75);
    private static final long GIGABIT = 1_000_000_000L;
    private static final long RATE_200M = 200_000_000L;
    private static final int WAN_MSS = 1500;
    private static final int UDT_OVERHEAD_BYTES = 44;
    /** UDT 4.11's default buffers, in packets: the least any case uses. */
    private static final int MIN_WINDOW_PACKETS = 8192;
    private static final LinkProfile FAIRNESS_LINK = LinkProfile.of(RATE_200M, Duration.ofMillis(16), 0);
    private static final int IPERF_PORT = 5201;

    private final FlowFactory flows;
    private final Map<String, CaseRunner> cases = new LinkedHashMap<>();
    private BenchFiles files;

    @FunctionalInterface
    private interface CaseRunner {
        String run(String name) throws Exception;
    }

    private UdtBench(FlowFactory flows) {
        this.flows = flows;
        cases.put("loopback-1500", name -> loopback(name, 1500));
        cases.put("loopback-9000", name -> loopback(name, 9000));
        for (long rate : List.of(GIGABIT, RATE_200M)) {
            for (int rtt : List.of(16, 55, 71, 200)) {
                for (String loss : List.of("0", "0.0001", "0.001")) {
                    String rateName = rate == GIGABIT ? "1g" : "200m";
                    cases.put("wan-" + rateName + "-" + rtt + "ms-" + loss,
                            name -> wan(name, LinkProfile.of(rate, Duration.ofMillis(rtt), Double.parseDouble(loss))));
                }
            }
        }
        cases.put("fairness-ours", this::fairnessOurs);
        cases.put("fairness-tcp", this::fairnessTcp);
        cases.put("multisource-udt", name -> MultiSourceCase.run(name, "udt", files()));
        cases.put("multisource-tcp", name -> MultiSourceCase.run(name, "tcp", files()));
        cases.put("memory", name -> AgentMemoryCase.run(name, files()));
    }

    /** The transfer cases' work directory, made on first use and removed at exit. */
    private synchronized BenchFiles files() {
        if (files == null) {
            files = BenchFiles.under(BenchDirectories.work());
            Runtime.getRuntime().addShutdownHook(new Thread(files::close, "bench-files-cleanup"));
        }
        return files;
    }

    public static void main(String[] args) throws Exception {
        if (!LibudtPeer.available() || !Iperf3.available()) {
            System.err.println("bench/udt: needs g++, libudt-dev and iperf3");
            System.exit(1);
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        ClassPathSnapshot snapshot = ClassPathSnapshot.of(System.getProperty("java.class.path"));
        Runtime.getRuntime().addShutdownHook(new Thread(snapshot::close, "bench-classpath-cleanup"));
        FlowFactory flows = new FlowFactory(java, snapshot.classPath(), LibudtPeer.binary(), FLOW_TIME);
        UdtBench bench = new UdtBench(flows);
        List<String> names = args.length == 0 ? List.copyOf(bench.cases.keySet())
                : List.copyOf(new LinkedHashSet<>(Arrays.asList(args)));
        for (String name : names) {
            if (!bench.cases.containsKey(name)) {
                System.err.println("bench/udt: unknown case '" + name + "'; cases: " + String.join(" ", bench.cases.keySet()));
                System.exit(2);
            }
        }
        Thread.ofPlatform().daemon().name("bench-watchdog").start(() -> {
            try {
                Thread.sleep(RUN_LIMIT.toMillis());
                System.err.println("bench/udt: gave up after " + RUN_LIMIT);
                System.exit(3); // shutdown hooks remove the emulators and what runs inside them
            } catch (InterruptedException e) {
                // The run ended first.
            }
        });
        int failed = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            progress("[%d/%d] %s", i + 1, names.size(), name);
            try {
                System.out.println(bench.cases.get(name).run(name));
            } catch (Exception e) {
                failed++;
                System.out.println(new CaseLine(name).error("error", String.valueOf(e.getMessage()).replace('"', '\'')));
                e.printStackTrace(System.err);
            }
            System.out.flush();
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private String loopback(String name, int mss) throws Exception {
        NetworkPath path = NetworkPath.loopback();
        Outcome ours = flow("ours", () -> flows.ours(path, mss, 0, null, WARMUP));
        Outcome cold = flow("ours cold", () -> flows.ours(path, mss, 0, null, Duration.ZERO));
        Outcome libudt = flow("libudt", () -> flows.libudt(path, mss, 0));
        int port = freeLoopbackPort();
        // TCP limited to the same segment size, so each side moves the same packets.
        Outcome tcp = flow("tcp", () -> flows.tcp(path, port, "cubic", 1, List.of("-M", Integer.toString(mss - 40))));
        double oursCpu = ours.ok() ? ours.result().cpuSecondsPerGigabyte() : Double.NaN;
        double coldCpu = cold.ok() ? cold.result().cpuSecondsPerGigabyte() : Double.NaN;
        double libudtCpu = libudt.ok() ? libudt.result().cpuSecondsPerGigabyte() : Double.NaN;
        return new CaseLine(name)
                .mbps("ours_mbps", ours.mbps()).mbps("libudt_mbps", libudt.mbps()).mbps("tcp_mbps", tcp.mbps())
                .ratio("ratio_libudt", ours.mbps() / libudt.mbps()).ratio("ratio_tcp", ours.mbps() / tcp.mbps())
                .ratio("ours_cpu_s_per_gb", oursCpu).ratio("libudt_cpu_s_per_gb", libudtCpu)
                .ratio("cpu_ratio_libudt", oursCpu / libudtCpu)
                .mbps("ours_cold_mbps", cold.mbps()).ratio("ours_cold_cpu_s_per_gb", coldCpu)
                .ratio("cold_ratio_libudt", cold.mbps() / libudt.mbps()).ratio("cold_cpu_ratio_libudt", coldCpu / libudtCpu)
                .error("ours_error", ours.error()).error("ours_cold_error", cold.error()).error("libudt_error", libudt.error()).error("tcp_error", tcp.error())
                .toString();
    }

    private String wan(String name, LinkProfile link) throws Exception {
        double linkMbps = link.rateBitsPerSecond() / 1e6;
        int window = windowPackets(link);
        String oursCongestion = link.lossRate() > 0 ? "dedicated" : null;
        try (WanEmulator emulator = WanEmulator.start(link)) {
            NetworkPath path = new NetworkPath(emulator.commandPrefix(Side.B), Side.B.address(), emulator.commandPrefix(Side.A));
            Outcome ours = flow("ours", () -> flows.ours(path, WAN_MSS, window, oursCongestion, WARMUP));
            Outcome libudt = flow("libudt", () -> flows.libudt(path, WAN_MSS, window));
            Outcome cubic = flow("cubic", () -> flows.tcp(path, IPERF_PORT, "cubic", 1, List.of()));
            Outcome cubic8 = flow("8 x cubic", () -> flows.tcp(path, IPERF_PORT + 1, "cubic", 8, List.of()));
            Outcome bbr = flow("bbr", () -> flows.tcp(path, IPERF_PORT + 2, "bbr", 1, List.of()));
            ForwarderStats stats = emulator.stats();
            double best = Math.max(Math.max(nanToZero(libudt.mbps()), nanToZero(cubic.mbps())),
                    Math.max(nanToZero(cubic8.mbps()), nanToZero(bbr.mbps())));
            return new CaseLine(name)
                    .mbps("link_mbps", linkMbps).put("ours_cc", oursCongestion == null ? "default" : oursCongestion)
                    .mbps("ours_mbps", ours.mbps()).mbps("libudt_mbps", libudt.mbps()).mbps("cubic_mbps", cubic.mbps())
                    .mbps("cubic8_mbps", cubic8.mbps()).mbps("bbr_mbps", bbr.mbps())
                    .ratio("ratio_libudt", ours.mbps() / libudt.mbps()).ratio("ratio_cubic", ours.mbps() / cubic.mbps())
                    .ratio("ratio_cubic8", ours.mbps() / cubic8.mbps()).ratio("ratio_bbr", ours.mbps() / bbr.mbps())
                    .ratio("ratio_best_peer", ours.mbps() / best).ratio("ratio_link", ours.mbps() / linkMbps)
                    .ratio("libudt_link", libudt.mbps() / linkMbps).ratio("cubic_link", cubic.mbps() / linkMbps)
                    .ratio("cubic8_link", cubic8.mbps() / linkMbps).ratio("bbr_link", bbr.mbps() / linkMbps)
                    .put("fwd_queue_drops", Long.toString(stats.aToB().queueDrops() + stats.bToA().queueDrops()))
                    .put("fwd_ring_drops", Long.toString(stats.aToB().ringDrops() + stats.bToA().ringDrops()))
                    .ratio("fwd_cpu_share", stats.cpuSeconds() / stats.uptimeSeconds())
                    .error("ours_error", ours.error()).error("libudt_error", libudt.error())
                    .error("cubic_error", cubic.error()).error("cubic8_error", cubic8.error()).error("bbr_error", bbr.error())
                    .toString();
        }
    }

    private String fairnessOurs(String name) throws Exception {
        int window = windowPackets(FAIRNESS_LINK);
        try (WanEmulator emulator = WanEmulator.start(FAIRNESS_LINK)) {
            NetworkPath path = new NetworkPath(emulator.commandPrefix(Side.B), Side.B.address(), emulator.commandPrefix(Side.A));
            // Flows measured side by side start together: no warm-up, which would shift ours.
            FlowMaker oursFlow = () -> flows.ours(path, WAN_MSS, window, "fair", Duration.ZERO);
            List<Outcome> ours = measured("two of ours", List.of(oursFlow, oursFlow));
            FlowMaker libudtFlow = () -> flows.libudt(path, WAN_MSS, window);
            List<Outcome> libudt = measured("two libudt", List.of(libudtFlow, libudtFlow));
            return new CaseLine(name)
                    .mbps("link_mbps", FAIRNESS_LINK.rateBitsPerSecond() / 1e6)
                    .mbps("ours_1_mbps", ours.get(0).mbps()).mbps("ours_2_mbps", ours.get(1).mbps())
                    .ratio("jain_ours", jain(ours.get(0).mbps(), ours.get(1).mbps()))
                    .mbps("libudt_1_mbps", libudt.get(0).mbps()).mbps("libudt_2_mbps", libudt.get(1).mbps())
                    .ratio("jain_libudt", jain(libudt.get(0).mbps(), libudt.get(1).mbps()))
                    .error("ours_error", firstError(ours)).error("libudt_error", firstError(libudt))
                    .toString();
        }
    }

    private String fairnessTcp(String name) throws Exception {
        int window = windowPackets(FAIRNESS_LINK);
        try (WanEmulator emulator = WanEmulator.start(FAIRNESS_LINK)) {
            NetworkPath path = new NetworkPath(emulator.commandPrefix(Side.B), Side.B.address(), emulator.commandPrefix(Side.A));
            List<Outcome> withOurs = measured("ours with cubic", List.of(
                    () -> flows.ours(path, WAN_MSS, window, "fair", Duration.ZERO),
                    () -> flows.tcp(path, IPERF_PORT, "cubic", 1, List.of())));
            List<Outcome> withLibudt = measured("libudt with cubic", List.of(
                    () -> flows.libudt(path, WAN_MSS, window),
                    () -> flows.tcp(path, IPERF_PORT + 1, "cubic", 1, List.of())));
            return new CaseLine(name)
                    .mbps("link_mbps", FAIRNESS_LINK.rateBitsPerSecond() / 1e6)
                    .mbps("ours_mbps", withOurs.get(0).mbps()).mbps("tcp_mbps", withOurs.get(1).mbps())
                    .ratio("tcp_share", share(withOurs.get(1).mbps(), withOurs.get(0).mbps()))
                    .mbps("libudt_mbps", withLibudt.get(0).mbps()).mbps("tcp_vs_libudt_mbps", withLibudt.get(1).mbps())
                    .ratio("tcp_share_vs_libudt", share(withLibudt.get(1).mbps(), withLibudt.get(0).mbps()))
                    .error("ours_error", withOurs.get(0).error()).error("tcp_error", withOurs.get(1).error())
                    .error("libudt_error", withLibudt.get(0).error())
                    .toString();
        }
    }

    private static Outcome flow(String label, FlowMaker maker) {
        return measured(label, List.of(maker)).getFirst();
    }

    /** Runs flows together, reporting each one's result and the time taken on stderr. */
    private static List<Outcome> measured(String label, List<FlowMaker> makers) {
        long start = System.nanoTime();
        List<Outcome> outcomes = FlowRun.together(makers);
        String results = String.join(", ", outcomes.stream()
                .map(outcome -> outcome.ok() ? String.format(Locale.ROOT, "%.1f Mb/s", outcome.mbps()) : "failed: " + outcome.error())
                .toList());
        progress("  %s: %s (%.0f s)", label, results, (System.nanoTime() - start) / 1e9);
        return outcomes;
    }

    /** Packets for two bandwidth-delay products (the path plus a full queue), at least UDT's defaults. */
    static int windowPackets(LinkProfile link) {
        double bdpBytes = link.rateBitsPerSecond() / 8.0 * link.roundTripTime().toNanos() / 1e9;
        return (int) Math.max(MIN_WINDOW_PACKETS, Math.ceil(2 * bdpBytes / (WAN_MSS - UDT_OVERHEAD_BYTES)));
    }

    static double jain(double a, double b) {
        return (a + b) * (a + b) / (2 * (a * a + b * b));
    }

    private static double share(double part, double other) {
        return part / (part + other);
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static String firstError(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::error).filter(error -> error != null).findFirst().orElse(null);
    }

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println("bench/udt: " + String.format(Locale.ROOT, format, args));
    }
}
