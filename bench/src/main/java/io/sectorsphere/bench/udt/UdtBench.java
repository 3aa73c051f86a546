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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Our UDT engine against its peers — UDT 4.11 itself (the libudt C++ peer) and TCP (iperf3 with
 * cubic, eight cubic streams, BBR) — one or two lines per case on stdout, progress on stderr.
 *
 * <p>The rules every flow, ours and each peer's, follows alike: each end is a process started for
 * that flow, with no warm-up (a user's {@code sector get} is a fresh JVM); CPU seconds are a whole
 * process's over its transfer only, from {@code /proc} or {@code getrusage}; every flow runs
 * {@value #ROUNDS} times, the flows of a case in alternating order ({@link Rounds}), and a line
 * gives each one's median with its min and max.
 *
 * <ul>
 *   <li>{@code loopback-1500}, {@code loopback-9000}: 10 s memory to memory on 127.0.0.1 at that MSS,
 *       with CPU seconds per GB (sender and receiver together) for ours and libudt;</li>
 *   <li>{@code wan-<rate>-<rtt>ms-<loss>}: an emulated link (1g or 200m; RTT 16, 55, 71, 200 ms;
 *       random loss 0, 0.0001, 0.001 each way). The headline line, {@code mode=defaults}, is a file of
 *       10 s at the link's rate downloaded to disk through a transfer agent with every setting at its
 *       default ({@link AgentDownloadFlow}); the second, {@code mode=tuned}, is our engine memory to
 *       memory with a window of two bandwidth-delay products and {@code dedicated} where there is loss;
 *       each against the same peers' runs, each peer flow 10 s alone on the link;</li>
 *   <li>{@code fairness-ours}: two of our {@code fair} flows sharing a 200 Mb/s, 16 ms link — Jain's
 *       index, with two libudt flows for reference;</li>
 *   <li>{@code fairness-tcp}: one {@code fair} flow with one cubic flow — TCP's share, with libudt
 *       against cubic for reference. Flows side by side are measured over one shared window
 *       ({@link SharedWindow});</li>
 *   <li>{@code multisource-udt}, {@code multisource-tcp}: one file from three sources behind links of
 *       different rates, fetched by one multi-source download ({@link MultiSourceCase});</li>
 *   <li>{@code memory}: a transfer agent serving 8 concurrent UDT downloads ({@link AgentMemoryCase}).</li>
 * </ul>
 *
 * Until the engine works, ours prints {@code n/a} with the reason and the peers are still measured.
 */
public final class UdtBench {

    static final int ROUNDS = 3;
    private static final Duration FLOW_TIME = Duration.ofSeconds(10);
    private static final Duration SHARED_WINDOW = Duration.ofSeconds(10);
    /** How long the last of flows side by side may take to deliver: a JVM starting on a busy host. */
    private static final Duration SHARED_WINDOW_START_TIMEOUT = Duration.ofSeconds(30);
    /** Flows side by side send this long, so that the shared window ends while every one still sends. */
    private static final Duration SIDE_BY_SIDE_SEND_TIME = SHARED_WINDOW.plus(SHARED_WINDOW_START_TIMEOUT).plusSeconds(5);
    private static final Duration RUN_LIMIT = Duration.ofHours(5);
    private static final long GIGABIT = 1_000_000_000L;
    private static final long RATE_200M = 200_000_000L;
    private static final int WAN_MSS = 1500;
    private static final int UDT_OVERHEAD_BYTES = 44;
    /** UDT 4.11's default buffers, in packets: the least any case uses. */
    private static final int MIN_WINDOW_PACKETS = 8192;
    private static final LinkProfile FAIRNESS_LINK = LinkProfile.of(RATE_200M, Duration.ofMillis(16), 0);
    private static final String FAIR = "fair";
    private static final int IPERF_PORT = 5201;
    private static final int VIRTUAL_THREAD_CARRIERS = 16;

    private final FlowFactory flows;
    private final FlowFactory sideBySide;
    private final Map<String, CaseRunner> cases = new LinkedHashMap<>();
    private final Map<Long, AgentFile> agentFiles = new HashMap<>();
    private BenchFiles files;

    @FunctionalInterface
    private interface CaseRunner {
        String run(String name) throws Exception;
    }

    /** Rates of flows measured side by side over one window, or why there are none. */
    private record WindowRates(List<Double> mbps, String error) {

        double mbps(int flow) {
            return error == null ? mbps.get(flow) : Double.NaN;
        }
    }

    private UdtBench(FlowFactory flows) {
        this.flows = flows;
        this.sideBySide = flows.counting(SIDE_BY_SIDE_SEND_TIME);
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

    /** A file of {@code size} random bytes for the agents to serve, written once per size and run. */
    private synchronized AgentFile agentFile(long size) throws Exception {
        AgentFile file = agentFiles.get(size);
        if (file == null) {
            Path data = files().directory("agent-data");
            String name = "bench/link-" + size + ".bin";
            progress("  writing a %d MB file for the agents", size / 1_000_000);
            String sha256 = files().randomFile(data.resolve(name), size);
            file = new AgentFile(data, name, size, sha256, files().secret());
            agentFiles.put(size, file);
        }
        return file;
    }

    public static void main(String[] args) throws Exception {
        // The emulator's and the peers' output readers are virtual threads blocked in pipe reads,
        // and here such a read holds its carrier: with one carrier per core (two) the forwarder's
        // two readers took both, and no peer's "listening" line was ever read. Carriers enough
        // for every reader of a case, set before the first virtual thread starts.
        System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(VIRTUAL_THREAD_CARRIERS));
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

    private String loopback(String name, int mss) {
        NetworkPath path = NetworkPath.loopback();
        Map<String, FlowMaker> makers = new LinkedHashMap<>();
        makers.put("ours", () -> flows.ours(path, mss, 0, null));
        makers.put("libudt", () -> flows.libudt(path, mss, 0));
        // TCP limited to the same segment size, so each side moves the same packets.
        makers.put("tcp", () -> flows.tcp(path, freeLoopbackPort(), "cubic", 1, List.of("-M", Integer.toString(mss - 40))));
        Map<String, List<Outcome>> runs = alone(makers);
        Spread ours = Rounds.mbps(runs.get("ours"));
        Spread libudt = Rounds.mbps(runs.get("libudt"));
        Spread tcp = Rounds.mbps(runs.get("tcp"));
        Spread oursCpu = Rounds.cpuPerGigabyte(runs.get("ours"));
        Spread libudtCpu = Rounds.cpuPerGigabyte(runs.get("libudt"));
        return new CaseLine(name)
                .mbps("ours", ours).mbps("libudt", libudt).mbps("tcp", tcp)
                .ratio("ratio_libudt", ours.median() / libudt.median()).ratio("ratio_tcp", ours.median() / tcp.median())
                .ratio("ours_cpu_s_per_gb", oursCpu).ratio("libudt_cpu_s_per_gb", libudtCpu)
                .ratio("cpu_ratio_libudt", oursCpu.median() / libudtCpu.median())
                .put("runs", Integer.toString(ROUNDS))
                .error("ours_error", Rounds.firstError(runs.get("ours"))).error("libudt_error", Rounds.firstError(runs.get("libudt")))
                .error("tcp_error", Rounds.firstError(runs.get("tcp")))
                .toString();
    }

    private String wan(String name, LinkProfile link) throws Exception {
        double linkMbps = link.rateBitsPerSecond() / 1e6;
        int window = windowPackets(link);
        String tunedCongestion = link.lossRate() > 0 ? "dedicated" : null;
        AgentFile file = agentFile(flowBytes(link));
        try (WanEmulator emulator = WanEmulator.start(link)) {
            NetworkPath path = emulatedPath(emulator);
            Map<String, FlowMaker> makers = new LinkedHashMap<>();
            makers.put("defaults", () -> flows.agentDownload(path, file, files().directory("agent-downloads")));
            makers.put("tuned", () -> flows.ours(path, WAN_MSS, window, tunedCongestion));
            makers.put("libudt", () -> flows.libudt(path, WAN_MSS, window));
            makers.put("cubic", () -> flows.tcp(path, IPERF_PORT, "cubic", 1, List.of()));
            makers.put("cubic8", () -> flows.tcp(path, IPERF_PORT + 1, "cubic", 8, List.of()));
            makers.put("bbr", () -> flows.tcp(path, IPERF_PORT + 2, "bbr", 1, List.of()));
            Map<String, List<Outcome>> runs = alone(makers);
            ForwarderStats stats = emulator.stats();
            List<Outcome> defaults = runs.get("defaults");
            String transports = String.join(",", new LinkedHashSet<>(defaults.stream()
                    .filter(Outcome::ok).map(outcome -> String.valueOf(outcome.result().transport())).toList()));
            CaseLine headline = wanLine(name, "defaults", linkMbps, defaults, runs)
                    .put("transport", transports.isEmpty() ? "n/a" : transports)
                    .mbps("file_mb", file.size() / 1e6);
            CaseLine tuned = wanLine(name, "tuned", linkMbps, runs.get("tuned"), runs)
                    .put("ours_cc", tunedCongestion == null ? "default" : tunedCongestion)
                    .put("window_packets", Integer.toString(window))
                    .put("fwd_queue_drops", Long.toString(stats.aToB().queueDrops() + stats.bToA().queueDrops()))
                    .put("fwd_ring_drops", Long.toString(stats.aToB().ringDrops() + stats.bToA().ringDrops()))
                    .ratio("fwd_cpu_share", stats.cpuSeconds() / stats.uptimeSeconds());
            return headline + "\n" + tuned;
        }
    }

    /** One of a WAN case's lines: ours as {@code mode} runs it against every peer's runs. */
    private static CaseLine wanLine(String name, String mode, double linkMbps, List<Outcome> ours,
                                    Map<String, List<Outcome>> runs) {
        Spread oursMbps = Rounds.mbps(ours);
        List<String> peers = List.of("libudt", "cubic", "cubic8", "bbr");
        CaseLine line = new CaseLine(name).put("mode", mode).mbps("ours", oursMbps);
        double best = 0;
        for (String peer : peers) {
            Spread spread = Rounds.mbps(runs.get(peer));
            line.mbps(peer, spread);
            best = Double.isNaN(spread.median()) ? best : Math.max(best, spread.median());
        }
        line.ratio("ratio_best_peer", oursMbps.median() / best).ratio("ratio_link", oursMbps.median() / linkMbps)
                .mbps("link_mbps", linkMbps);
        for (String peer : peers) {
            line.ratio("ratio_" + peer, oursMbps.median() / Rounds.mbps(runs.get(peer)).median());
        }
        line.ratio("ours_cpu_s_per_gb", Rounds.cpuPerGigabyte(ours).median())
                .ratio("libudt_cpu_s_per_gb", Rounds.cpuPerGigabyte(runs.get("libudt")).median())
                .put("runs", Integer.toString(ROUNDS))
                .error("ours_error", Rounds.firstError(ours));
        for (String peer : peers) {
            line.error(peer + "_error", Rounds.firstError(runs.get(peer)));
        }
        return line;
    }

    private String fairnessOurs(String name) throws Exception {
        int window = windowPackets(FAIRNESS_LINK);
        try (WanEmulator emulator = WanEmulator.start(FAIRNESS_LINK)) {
            NetworkPath path = emulatedPath(emulator);
            FlowMaker oursFlow = () -> sideBySide.ours(path, WAN_MSS, window, FAIR);
            FlowMaker libudtFlow = () -> sideBySide.libudt(path, WAN_MSS, window);
            Map<String, Supplier<WindowRates>> trials = new LinkedHashMap<>();
            trials.put("ours", () -> sideBySide("two of ours", List.of(oursFlow, oursFlow)));
            trials.put("libudt", () -> sideBySide("two libudt", List.of(libudtFlow, libudtFlow)));
            Map<String, List<WindowRates>> runs = Rounds.run(trials, ROUNDS);
            List<WindowRates> ours = runs.get("ours");
            List<WindowRates> libudt = runs.get("libudt");
            return new CaseLine(name)
                    .mbps("link_mbps", FAIRNESS_LINK.rateBitsPerSecond() / 1e6).put("ours_cc", FAIR)
                    .mbps("ours_1", flowSpread(ours, 0)).mbps("ours_2", flowSpread(ours, 1))
                    .ratio("jain_ours", Spread.of(ours.stream().map(r -> jain(r.mbps(0), r.mbps(1))).toList()))
                    .mbps("libudt_1", flowSpread(libudt, 0)).mbps("libudt_2", flowSpread(libudt, 1))
                    .ratio("jain_libudt", Spread.of(libudt.stream().map(r -> jain(r.mbps(0), r.mbps(1))).toList()))
                    .put("window_s", Long.toString(SHARED_WINDOW.toSeconds())).put("runs", Integer.toString(ROUNDS))
                    .error("ours_error", firstWindowError(ours)).error("libudt_error", firstWindowError(libudt))
                    .toString();
        }
    }

    private String fairnessTcp(String name) throws Exception {
        int window = windowPackets(FAIRNESS_LINK);
        try (WanEmulator emulator = WanEmulator.start(FAIRNESS_LINK)) {
            NetworkPath path = emulatedPath(emulator);
            Map<String, Supplier<WindowRates>> trials = new LinkedHashMap<>();
            trials.put("ours", () -> sideBySide("ours with cubic", List.of(
                    () -> sideBySide.ours(path, WAN_MSS, window, FAIR),
                    () -> sideBySide.tcp(path, IPERF_PORT, "cubic", 1, List.of()))));
            trials.put("libudt", () -> sideBySide("libudt with cubic", List.of(
                    () -> sideBySide.libudt(path, WAN_MSS, window),
                    () -> sideBySide.tcp(path, IPERF_PORT + 1, "cubic", 1, List.of()))));
            Map<String, List<WindowRates>> runs = Rounds.run(trials, ROUNDS);
            List<WindowRates> ours = runs.get("ours");
            List<WindowRates> libudt = runs.get("libudt");
            return new CaseLine(name)
                    .mbps("link_mbps", FAIRNESS_LINK.rateBitsPerSecond() / 1e6).put("ours_cc", FAIR)
                    .mbps("ours", flowSpread(ours, 0)).mbps("tcp", flowSpread(ours, 1))
                    .ratio("tcp_share", Spread.of(ours.stream().map(r -> share(r.mbps(1), r.mbps(0))).toList()))
                    .mbps("libudt", flowSpread(libudt, 0)).mbps("tcp_vs_libudt", flowSpread(libudt, 1))
                    .ratio("tcp_share_vs_libudt", Spread.of(libudt.stream().map(r -> share(r.mbps(1), r.mbps(0))).toList()))
                    .put("window_s", Long.toString(SHARED_WINDOW.toSeconds())).put("runs", Integer.toString(ROUNDS))
                    .error("ours_error", firstWindowError(ours)).error("libudt_error", firstWindowError(libudt))
                    .toString();
        }
    }

    private static NetworkPath emulatedPath(WanEmulator emulator) {
        return new NetworkPath(emulator.commandPrefix(Side.B), Side.B.address(), emulator.commandPrefix(Side.A),
                Side.A.address());
    }

    /** Each flow alone on the path, {@value #ROUNDS} times in alternating order, with progress on stderr. */
    private static Map<String, List<Outcome>> alone(Map<String, FlowMaker> makers) {
        Map<String, Supplier<Outcome>> trials = new LinkedHashMap<>();
        makers.forEach((label, maker) -> trials.put(label, () -> {
            long start = System.nanoTime();
            Outcome outcome = FlowRun.single(maker);
            progress("  %s: %s (%.0f s)", label, describe(outcome), (System.nanoTime() - start) / 1e9);
            return outcome;
        }));
        return Rounds.run(trials, ROUNDS);
    }

    /** Flows side by side, each one's rate over the shared window, with progress on stderr. */
    private static WindowRates sideBySide(String label, List<FlowMaker> makers) {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        List<Outcome> outcomes = FlowRun.together(makers, begun -> {
            if (begun.size() == makers.size()) {
                rates.addAll(SharedWindow.measure(begun, SHARED_WINDOW, SHARED_WINDOW_START_TIMEOUT));
            }
        });
        String error = Rounds.firstError(outcomes);
        WindowRates result = error == null ? new WindowRates(List.copyOf(rates), null) : new WindowRates(List.of(), error);
        progress("  %s: %s (%.0f s)", label, error == null ? String.join(", ", rates.stream()
                .map(rate -> String.format(Locale.ROOT, "%.1f Mb/s", rate)).toList()) : "failed: " + error,
                (System.nanoTime() - start) / 1e9);
        return result;
    }

    private static String describe(Outcome outcome) {
        if (!outcome.ok()) {
            return "failed: " + outcome.error();
        }
        String transport = outcome.result().transport() == null ? "" : " over " + outcome.result().transport();
        return String.format(Locale.ROOT, "%.1f Mb/s%s", outcome.mbps(), transport);
    }

    private static Spread flowSpread(List<WindowRates> runs, int flow) {
        return Spread.of(runs.stream().map(run -> run.mbps(flow)).toList());
    }

    private static String firstWindowError(List<WindowRates> runs) {
        return runs.stream().map(WindowRates::error).filter(error -> error != null).findFirst().orElse(null);
    }

    /** Bytes the link carries in one flow time at its rate: the default-settings flow's file. */
    static long flowBytes(LinkProfile link) {
        return link.rateBitsPerSecond() / 8 * FLOW_TIME.toSeconds();
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

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println("bench/udt: " + String.format(Locale.ROOT, format, args));
    }
}
