package io.sectorsphere.bench.http;

import io.sectorsphere.bench.http.HttpTool.Transfer;
import io.sectorsphere.bench.process.BenchDirectories;
import io.sectorsphere.bench.process.Commands;
import io.sectorsphere.bench.process.HeapPoller;
import io.sectorsphere.bench.process.ServiceProcess;
import io.sectorsphere.bench.process.Workspace;
import io.sectorsphere.localcluster.SampleLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

/**
 * Storage and locator over HTTP on loopback against the peers a user would compare them with:
 * {@code download} (GET of a 1 GiB file vs Debian's nginx serving it with sendfile, vs {@code cat}
 * of the same file from the page cache, and vs a bare sendfile(2) server, the loopback wire's
 * limit), {@code upload} (PUT, which fsyncs, vs {@code cp} + {@code sync} of that file),
 * {@code proxy} (a read through a node that does not hold the file, {@code ?proxy=true}, vs a read
 * from the holder), {@code get} ({@code sector get} of the file to a file in a fresh JVM over HTTP,
 * TCP and UDT vs {@code curl -o}), {@code locate} (latency at a fixed request rate through a 4-node
 * ring) and {@code heap} (8 concurrent 1 GiB downloads from a node limited to a 256 MiB heap). The
 * transfer cases are medians of 5 rounds with the range, in an order rotated each round, every
 * contender warmed up by one unmeasured run. One line per case on stdout; progress on stderr only
 * with {@code BENCH_VERBOSE=1}.
 *
 * <p>Storage nodes run as their own JVMs with {@code -Xmx256m} (the transfer cases share one, with
 * a transfer agent beside it for {@code get}; proxy adds a second, empty one; heap gets a fresh
 * one); locators run in this JVM. Files go to a temporary directory under
 * {@code bench/target/work}, removed at the end, on failure and on Ctrl-C, as are the processes
 * started here. {@code BENCH_JFR=1} records a profile of every storage node to {@code bench/target/jfr/}.
 */
public final class HttpBench {

    static final long FILE_BYTES = 1L << 30;
    private static final String BLOB_NAME = "bench/blob-1g";
    private static final List<String> CASES = List.of("download", "upload", "proxy", "get", "locate", "heap");
    private static final List<String> TRANSFER_CASES = List.of("download", "upload", "proxy", "get");
    private static final List<String> GET_TRANSPORTS = List.of("http", "tcp", "udt");
    private static final int ROUNDS = 5;
    private static final int HEAP_DOWNLOADS = 8;
    private static final int LOCATE_NODES = 4;
    private static final int LOCATE_RECORDS = 1000;
    private static final int LOCATE_RATE = 200;
    private static final Duration LOCATE_WARM_UP = Duration.ofSeconds(2);
    private static final Duration LOCATE_DURATION = Duration.ofSeconds(10);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LOCATED_TIMEOUT = Duration.ofSeconds(60);
    /** The whole run: about 5 minutes on 2 quiet cores; this is the bound, not the expectation. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final double MIB = 1024.0 * 1024.0;

    private final Workspace work;
    private final HttpTool http;
    private final Path jfrDirectory;
    private final boolean verbose;
    private final long started = System.nanoTime();
    private final String token;
    private final String tokenSha256;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Path blob;
    private LocatorRing locator;
    private ServiceProcess transferNode;
    private Path transferDirectory;
    private int agentPort;
    private ServiceProcess agent;

    private HttpBench(Workspace work, Path jfrDirectory, boolean verbose) {
        this.work = work;
        this.http = HttpTool.pick(work.root());
        this.jfrDirectory = jfrDirectory;
        this.verbose = verbose;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.tokenSha256 = sha256Hex(token);
    }

    public static void main(String[] args) {
        List<String> cases = args.length == 0 ? CASES : List.copyOf(new LinkedHashSet<>(Arrays.asList(args)));
        for (String name : cases) {
            if (!CASES.contains(name)) {
                System.err.println("bench/http: unknown case '" + name + "'; cases: " + String.join(" ", CASES));
                System.exit(2);
            }
        }
        Path benchTarget = BenchDirectories.target();
        Path jfr = "1".equals(System.getenv("BENCH_JFR")) ? benchTarget.resolve("jfr") : null;
        HttpBench bench = new HttpBench(Workspace.create(benchTarget.resolve("work"), "http"), jfr,
                "1".equals(System.getenv("BENCH_VERBOSE")));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::close, "bench-cleanup"));
        Thread.ofPlatform().daemon().name("bench-watchdog").start(() -> {
            try {
                Thread.sleep(RUN_LIMIT.toMillis());
                System.err.println("bench/http: gave up after " + RUN_LIMIT);
                System.exit(3); // the shutdown hook stops what was started and removes the files
            } catch (InterruptedException e) {
                // The run ended first.
            }
        });
        int failed = 0;
        for (int i = 0; i < cases.size(); i++) {
            String name = cases.get(i);
            try {
                System.out.println(bench.run(name));
            } catch (RuntimeException e) {
                failed++;
                System.out.println("case=" + name + " error=\"" + oneLine(e) + "\"");
                e.printStackTrace(System.err);
            }
            System.out.flush();
            if (cases.subList(i + 1, cases.size()).stream().noneMatch(TRANSFER_CASES::contains)) {
                bench.releaseTransferNode();
            }
        }
        bench.close();
        System.exit(failed == 0 ? 0 : 1);
    }

    private String run(String name) {
        progress(name + ": start");
        return switch (name) {
            case "download" -> download();
            case "upload" -> upload();
            case "proxy" -> proxy();
            case "get" -> get();
            case "locate" -> locate();
            case "heap" -> heap();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * GET of the file from a storage node vs Debian's nginx serving the same file with sendfile (if
     * installed), vs {@code cat file > /dev/null}, all from the page cache, and vs the same client
     * fetching it from a server that only calls sendfile(2): the loopback wire's limit.
     */
    private String download() {
        ServiceProcess node = transferNode();
        Path data = transferDirectory.resolve("data");
        Path served = data.resolve(BLOB_NAME);
        Path nginxDirectory = work.directory("nginx");
        try (SendfileServer wire = SendfileServer.start(served);
             NginxServer nginx = NginxServer.installed() ? NginxServer.start(data, nginxDirectory, freePort()) : null) {
            String url = node.url() + "/api/v1/files/" + BLOB_NAME;
            // Unmeasured: the node hashes a file dropped into its directory before it first serves it.
            requireWhole(http.download(url, TRANSFER_TIMEOUT), 200, "first download");
            Map<String, DoubleSupplier> contenders = new LinkedHashMap<>();
            contenders.put("ours", () -> mbps(FILE_BYTES, requireWhole(http.download(url, TRANSFER_TIMEOUT), 200,
                    "download").nanos()));
            if (nginx != null) {
                contenders.put("nginx", () -> mbps(FILE_BYTES, requireWhole(http.download(nginx.url(BLOB_NAME),
                        TRANSFER_TIMEOUT), 200, "nginx download").nanos()));
            }
            contenders.put("sendfile", () -> mbps(FILE_BYTES, requireWhole(http.download(wire.url(),
                    TRANSFER_TIMEOUT), 200, "sendfile download").nanos()));
            contenders.put("cat", () -> mbps(FILE_BYTES, cat(served).nanos()));
            Map<String, Rounds.Spread> results = Rounds.run("download", ROUNDS, contenders, this::progress);
            Rounds.Spread ours = results.get("ours");
            Rounds.Spread nginxResult = results.get("nginx");
            String versusNginx = nginxResult == null ? "nginx=not-installed"
                    : String.format(Locale.ROOT, "%s ratio_nginx=%.2f target=1.0", nginxResult.mbps("nginx"),
                    ours.median() / nginxResult.median());
            return String.format(Locale.ROOT, "case=download %s %s %s ratio_cat=%.2f %s ratio_sendfile=%.2f"
                            + " client=%s rounds=%d",
                    ours.mbps("ours"), versusNginx, results.get("cat").mbps("cat"),
                    ours.median() / results.get("cat").median(), results.get("sendfile").mbps("sendfile"),
                    ours.median() / results.get("sendfile").median(), http.name(), ROUNDS);
        } finally {
            work.delete(nginxDirectory);
        }
    }

    /**
     * PUT of the file vs {@code cp} of it into the same file system. The PUT returns only once the
     * file is forced to disk, so the peer is {@code cp} followed by {@code sync} of the copy;
     * {@code cp} alone is reported too. {@code sync} runs unmeasured before each transfer so each
     * flushes only its own bytes. Each replaces the file its previous run wrote, the PUT with
     * {@code overwrite=true} and cp by truncating it, so the disk holds one upload and one copy.
     */
    private String upload() {
        Path source = blob();
        ServiceProcess node = transferNode();
        Path copies = work.directory("upload-cp");
        try {
            cat(source);
            String name = "bench/upload";
            Path copy = copies.resolve("copy");
            double[] cpOnly = new double[ROUNDS + 1];
            int[] cpRuns = {0};
            Map<String, DoubleSupplier> contenders = new LinkedHashMap<>();
            contenders.put("ours", () -> {
                syncAll();
                Transfer transfer = http.upload(node.url() + "/api/v1/files/" + name + "?overwrite=true", source,
                        token, TRANSFER_TIMEOUT);
                if (transfer.status() != 200 && transfer.status() != 201 || transfer.bytes() != FILE_BYTES) {
                    throw new IllegalStateException("upload: status " + transfer.status() + " after "
                            + transfer.bytes() + " bytes\n" + node.logTail());
                }
                requireSize(transferDirectory.resolve("data").resolve(name), "the uploaded file");
                return mbps(FILE_BYTES, transfer.nanos());
            });
            contenders.put("cp_sync", () -> {
                syncAll();
                Commands.Result copied = Commands.check(COMMAND_TIMEOUT, work.scratch(),
                        "cp", "--reflink=never", source.toString(), copy.toString());
                Commands.Result synced = Commands.check(COMMAND_TIMEOUT, work.scratch(), "sync", copy.toString());
                requireSize(copy, "the copy");
                cpOnly[cpRuns[0]++] = mbps(FILE_BYTES, copied.nanos());
                return mbps(FILE_BYTES, copied.nanos() + synced.nanos());
            });
            Map<String, Rounds.Spread> results = Rounds.run("upload", ROUNDS, contenders, this::progress);
            Rounds.Spread ours = results.get("ours");
            Rounds.Spread cpSync = results.get("cp_sync");
            return String.format(Locale.ROOT, "case=upload %s %s ratio_cp_sync=%.2f target=0.8 cp_nosync_mbps=%.0f"
                            + " client=%s rounds=%d",
                    ours.mbps("ours"), cpSync.mbps("cp_sync"), ours.median() / cpSync.median(),
                    Rounds.Spread.of(Arrays.copyOfRange(cpOnly, 1, cpOnly.length)).median(), http.name(), ROUNDS);
        } finally {
            work.delete(copies);
        }
    }

    /**
     * GET of the file through a second node that does not hold it, with {@code ?proxy=true} (the
     * node locates the holder and streams its answer through), vs the same GET from the holder.
     */
    private String proxy() {
        ServiceProcess holder = transferNode();
        Path directory = work.directory("proxy");
        try (ServiceProcess node = startNode("proxy", directory, false, List.of())) {
            String direct = holder.url() + "/api/v1/files/" + BLOB_NAME;
            String proxied = node.url() + "/api/v1/files/" + BLOB_NAME + "?proxy=true";
            requireWhole(http.download(direct, TRANSFER_TIMEOUT), 200, "first download");
            awaitLocated(node.url() + "/api/v1/files/" + BLOB_NAME + "/meta");
            Map<String, DoubleSupplier> contenders = new LinkedHashMap<>();
            contenders.put("ours", () -> mbps(FILE_BYTES, requireWhole(http.download(proxied, TRANSFER_TIMEOUT), 200,
                    "proxied download").nanos()));
            contenders.put("direct", () -> mbps(FILE_BYTES, requireWhole(http.download(direct, TRANSFER_TIMEOUT), 200,
                    "direct download").nanos()));
            Map<String, Rounds.Spread> results = Rounds.run("proxy", ROUNDS, contenders, this::progress);
            Rounds.Spread ours = results.get("ours");
            Rounds.Spread directResult = results.get("direct");
            return String.format(Locale.ROOT, "case=proxy %s %s ratio_direct=%.2f target=0.8 client=%s rounds=%d",
                    ours.mbps("ours"), directResult.mbps("direct"), ours.median() / directResult.median(),
                    http.name(), ROUNDS);
        } finally {
            work.delete(directory);
        }
    }

    /**
     * {@code sector get} of the file to a file, in a fresh JVM as a user runs it, over each
     * transport (HTTP from the node; TCP and UDT from the transfer agent beside it, on a ticket the
     * node grants), vs {@code curl -o} of the same file from the node. Both are timed from process
     * start to exit; ours verifies the SHA-256 and forces the file to disk before it renames it into
     * place, curl does neither. One line per transport.
     */
    private String get() {
        if (!Commands.onPath("curl")) {
            throw new IllegalStateException("the get case compares with curl, which is not installed");
        }
        ServiceProcess node = transferNode();
        transferAgent();
        Path directory = work.directory("get");
        try {
            String url = node.url() + "/api/v1/files/" + BLOB_NAME;
            requireWhole(http.download(url, TRANSFER_TIMEOUT), 200, "first download");
            Path oursTarget = directory.resolve("ours.bin");
            Path curlTarget = directory.resolve("curl.bin");
            List<String> lines = new ArrayList<>();
            for (String transport : GET_TRANSPORTS) {
                Map<String, DoubleSupplier> contenders = new LinkedHashMap<>();
                contenders.put("ours", () -> {
                    deleteQuietly(oursTarget);
                    deleteQuietly(oursTarget.resolveSibling(oursTarget.getFileName() + ".part"));
                    Commands.Result result = Commands.run(COMMAND_TIMEOUT, work.scratch(),
                            sectorGet(node.url(), transport, oursTarget).toArray(String[]::new));
                    if (result.exitCode() != 0 || !"http".equals(transport) && !result.stdout().contains(transport)) {
                        throw new IllegalStateException("sector get --transport " + transport + " exited with "
                                + result.exitCode() + ": " + result.stdout());
                    }
                    requireSize(oursTarget, "the file sector get saved");
                    return mbps(FILE_BYTES, result.nanos());
                });
                contenders.put("curl", () -> {
                    deleteQuietly(curlTarget);
                    Commands.Result result = Commands.check(COMMAND_TIMEOUT, work.scratch(),
                            "curl", "-sS", "--fail", "-o", curlTarget.toString(), url);
                    requireSize(curlTarget, "the file curl saved");
                    return mbps(FILE_BYTES, result.nanos());
                });
                Map<String, Rounds.Spread> results = Rounds.run("get " + transport, ROUNDS, contenders,
                        this::progress);
                Rounds.Spread ours = results.get("ours");
                Rounds.Spread curl = results.get("curl");
                lines.add(String.format(Locale.ROOT, "case=get transport=%s %s %s ratio_curl=%.2f target=0.8"
                                + " ours_s=%.2f curl_s=%.2f rounds=%d", transport, ours.mbps("ours"), curl.mbps("curl"),
                        ours.median() / curl.median(), FILE_BYTES / 1e6 / ours.median(),
                        FILE_BYTES / 1e6 / curl.median(), ROUNDS));
                System.err.flush();
            }
            return String.join("\n", lines);
        } finally {
            work.delete(directory);
        }
    }

    /** The command line {@code ./sector} runs, from this module's class path instead of the CLI's jar. */
    private static List<String> sectorGet(String endpoint, String transport, Path target) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.sectorsphere.cli.SectorCli", "--endpoint", endpoint, "get", BLOB_NAME, target.toString(),
                "--transport", transport, "--no-resume", "--no-progress");
    }

    /** Latency of locate through a random node of a 4-node ring holding 1000 records, at a fixed rate. */
    private String locate() {
        try (LocatorRing ring = LocatorRing.start(LOCATE_NODES)) {
            progress("locate: ring stable");
            List<String> names = IntStream.range(0, LOCATE_RECORDS)
                    .mapToObj(i -> String.format(Locale.ROOT, "bench/locate/file-%04d.dat", i)).toList();
            publish(ring, names);
            progress("locate: published");
            LocateLoad.Outcome outcome = new LocateLoad(ring.urls(), names)
                    .run(LOCATE_RATE, LOCATE_WARM_UP, LOCATE_DURATION);
            return String.format(Locale.ROOT, "case=locate p50_ms=%.2f p99_ms=%.2f rate_per_s=%d requests=%d"
                            + " errors=%d mean_hops=%.2f nodes=%d records=%d",
                    outcome.percentileMillis(0.50), outcome.percentileMillis(0.99), LOCATE_RATE,
                    outcome.sortedNanos().length, outcome.errors(), outcome.meanHops(), LOCATE_NODES, LOCATE_RECORDS);
        }
    }

    /**
     * Eight concurrent downloads of the file from a fresh node limited to a 256 MiB heap. Heap used
     * is polled through the actuator meanwhile and read from the GC log's before-collection sizes
     * (the true peaks, which polling can miss); direct memory is Native Memory Tracking's peak.
     */
    private String heap() {
        Path directory = work.directory("heap");
        linkBlobInto(directory.resolve("data"));
        try (ServiceProcess node = startNode("heap", directory, true, List.of())) {
            String url = node.url() + "/api/v1/files/" + BLOB_NAME;
            requireWhole(http.download(url, TRANSFER_TIMEOUT), 200, "warm-up download");
            progress("heap: warmed up");
            HeapPoller poller = new HeapPoller(node);
            int gcMark = node.gcLogLines();
            Thread polling = Thread.ofPlatform().daemon().name("heap-poller").start(poller);
            long begun = System.nanoTime();
            List<HttpTool.Pending> downloads = IntStream.range(0, HEAP_DOWNLOADS)
                    .mapToObj(i -> http.startDownload(url)).toList();
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (HttpTool.Pending download : downloads) {
                try {
                    Transfer transfer = download.await(TRANSFER_TIMEOUT);
                    if (transfer.status() == 200 && transfer.bytes() == FILE_BYTES) {
                        ok++;
                    } else {
                        failures.add(transfer.status() + "/" + transfer.bytes() + "B");
                    }
                } catch (RuntimeException e) {
                    failures.add(oneLine(e));
                }
            }
            long elapsed = System.nanoTime() - begun;
            poller.stop();
            join(polling);
            if (!failures.isEmpty()) {
                System.err.println("bench/http heap: failed downloads " + failures + "\n" + node.logTail());
            }
            long gcPeak = node.gcPeakHeapBytesSince(gcMark).orElse(0);
            double maxHeap = Math.max(poller.maxHeapBytes(), gcPeak);
            progress(String.format(Locale.ROOT, "heap: polled max %.1f MiB in %d samples, GC log peak %.1f MiB",
                    poller.maxHeapBytes() / MIB, poller.samples(), gcPeak / MIB));
            OptionalLong direct = node.peakDirectBytes();
            OptionalLong rss = node.peakRssBytes();
            return String.format(Locale.ROOT, "case=heap downloads=%d ok=%d max_heap_mib=%.0f limit_mib=%d"
                            + " peak_direct_mib=%s peak_rss_mib=%s aggregate_mbps=%.0f heap_samples=%d client=%s",
                    HEAP_DOWNLOADS, ok, maxHeap / MIB, ServiceProcess.HEAP_LIMIT_MIB,
                    direct.isPresent() ? String.format(Locale.ROOT, "%.1f", direct.getAsLong() / MIB) : "n/a",
                    rss.isPresent() ? Long.toString(rss.getAsLong() >> 20) : "n/a",
                    mbps(FILE_BYTES * ok, elapsed), poller.samples(), http.name());
        } finally {
            work.delete(directory);
        }
    }

    // ---- set-up shared by the cases ----

    /** The 1 GiB file, written once per run (4 MiB random blocks, each stamped with its index) and forced to disk. */
    private synchronized Path blob() {
        if (blob == null) {
            Path file = work.root().resolve("blob-1g");
            int blockSize = 4 << 20;
            ByteBuffer block = ByteBuffer.allocateDirect(blockSize);
            SplittableRandom random = new SplittableRandom(42);
            while (block.hasRemaining()) {
                block.putLong(random.nextLong());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long i = 0; i < FILE_BYTES / blockSize; i++) {
                    block.clear();
                    block.putLong(0, i);
                    while (block.hasRemaining()) {
                        channel.write(block);
                    }
                }
                // Written back now, not in the middle of a later measurement.
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            blob = file;
            progress("1 GiB file written");
        }
        return blob;
    }

    /** A hard link to the file in a node's data directory, as if copied there by hand; same pages in the cache. */
    private Path linkBlobInto(Path dataDir) {
        Path served = dataDir.resolve(BLOB_NAME);
        try {
            Files.createDirectories(served.getParent());
            Files.createLink(served, blob());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the file into " + dataDir, e);
        }
        return served;
    }

    /** The node download and upload share, holding the file; started on first use. */
    private synchronized ServiceProcess transferNode() {
        if (transferNode == null) {
            transferDirectory = work.directory("transfer");
            linkBlobInto(transferDirectory.resolve("data"));
            agentPort = freePort();
            // Grants tickets for the agent that get starts beside it on this port, sharing its data directory.
            transferNode = startNode("transfer", transferDirectory, false, List.of(
                    "--sector.storage.transfer.secret=" + token,
                    "--sector.storage.udt-address=127.0.0.1:" + agentPort));
        }
        return transferNode;
    }

    /** The transfer agent serving the shared node's data directory; started on first use. */
    private synchronized void transferAgent() {
        if (agent == null) {
            Path directory = work.directory("agent");
            agent = ServiceProcess.start("agent", directory, "io.sectorsphere.transfer.agent.TransferAgentApplication",
                    List.of(), List.of("--sector.transfer.data-dir=" + transferDirectory.resolve("data"),
                            "--sector.transfer.secret=" + token, "--sector.transfer.data-port=" + agentPort,
                            "--sector.transfer.advertised-host=127.0.0.1"), null, false);
            open.add(agent);
            progress("transfer agent ready (pid " + agent.pid() + ")");
        }
    }

    /** Stops the shared node and its agent and removes their files (uploads included) once no case needs them. */
    private void releaseTransferNode() {
        List<ServiceProcess> stopping = new ArrayList<>();
        synchronized (this) {
            for (ServiceProcess process : new ServiceProcess[] {agent, transferNode}) {
                if (process != null) {
                    stopping.add(process);
                    open.remove(process);
                }
            }
            agent = null;
            transferNode = null;
        }
        stopping.forEach(ServiceProcess::close);
        if (!stopping.isEmpty()) {
            work.delete(transferDirectory);
        }
    }

    /** A single-node locator ring in this JVM that every storage node publishes to. */
    private synchronized String locatorUrl() {
        if (locator == null) {
            locator = LocatorRing.start(1);
            progress("locator for the storage nodes started");
        }
        return locator.url(0);
    }

    private ServiceProcess startNode(String name, Path directory, boolean memoryDiagnostics, List<String> settings) {
        Path jfr = null;
        if (jfrDirectory != null) {
            try {
                Files.createDirectories(jfrDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jfr = jfrDirectory.resolve("storage-" + name + ".jfr");
            System.err.println("bench/http " + name + ": recording the storage node to " + jfr);
        }
        String locatorUrl = locatorUrl();
        ServiceProcess node = StorageNodes.start(directory, directory.resolve("data"), locatorUrl,
                tokenSha256, jfr, memoryDiagnostics, settings);
        synchronized (this) {
            open.add(node);
        }
        progress("storage node '" + name + "' ready (pid " + node.pid() + ")");
        return node;
    }

    /** Waits until a node locates the file through the ring: the holder publishes it some time after it starts. */
    private void awaitLocated(String metaUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + LOCATED_TIMEOUT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = client.send(HttpRequest.newBuilder(URI.create(metaUrl)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                Thread.sleep(200); // the ring offers no event to wait on; bounded by the deadline
            } catch (IOException e) {
                throw new UncheckedIOException("asking " + metaUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("the file was not located within " + LOCATED_TIMEOUT + " (last status "
                + status + ")");
    }

    private static void publish(LocatorRing ring, List<String> names) {
        List<Thread> publishers = new ArrayList<>();
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        int threads = 8;
        for (int t = 0; t < threads; t++) {
            int first = t;
            publishers.add(Thread.ofVirtual().start(() -> {
                for (int i = first; i < names.size(); i += threads) {
                    try {
                        ring.put(i % ring.size(), names.get(i), SampleLocations.of(names.get(i), "127.0.0.1"));
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        publishers.forEach(HttpBench::join);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("publishing the records failed: " + failures.getFirst(), failures.getFirst());
        }
    }

    private Commands.Result cat(Path file) {
        Commands.Result result = Commands.startDiscarding(List.of("cat", file.toString())).await(COMMAND_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("cat exited with " + result.exitCode());
        }
        return result;
    }

    private void syncAll() {
        Commands.check(COMMAND_TIMEOUT, work.scratch(), "sync");
    }

    private static Transfer requireWhole(Transfer transfer, int status, String what) {
        if (transfer.status() != status || transfer.bytes() != FILE_BYTES) {
            throw new IllegalStateException(what + ": status " + transfer.status() + " after " + transfer.bytes()
                    + " bytes, expected " + status + " after " + FILE_BYTES);
        }
        return transfer;
    }

    private static void requireSize(Path file, String what) {
        try {
            long size = Files.size(file);
            if (size != FILE_BYTES) {
                throw new IllegalStateException(what + " has " + size + " bytes, not " + FILE_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " is missing", e);
        }
    }

    private void progress(String message) {
        if (verbose) {
            System.err.printf(Locale.ROOT, "bench/http %6.1fs %s%n", (System.nanoTime() - started) / 1e9, message);
        }
    }

    /** Stops whatever is still running and removes the work directory; safe to call twice. */
    private void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Clients first: a storage node shuts down gracefully and would wait for their downloads.
        Commands.killAll();
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(open);
            if (locator != null) {
                toClose.add(locator);
            }
        }
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("bench/http: cleanup: " + e);
            }
        }
        work.close();
    }

    // ---- small helpers ----

    /** Megabytes (10^6 bytes) per second. */
    static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse("").replace('"', '\'');
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
