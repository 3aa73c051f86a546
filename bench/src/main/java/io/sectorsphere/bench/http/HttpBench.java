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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Storage and locator over HTTP on loopback against the peers a user would compare them with:
 * {@code download} (GET of a 1 GiB file vs {@code cat} of the same file from the page cache, and
 * vs a bare sendfile(2) server, the loopback wire's limit), {@code upload} (PUT, which fsyncs, vs
 * {@code cp} + {@code sync} of that file), {@code locate} (latency at a fixed request rate through
 * a 4-node ring) and {@code heap} (8 concurrent 1 GiB downloads from a node limited to a 256 MiB
 * heap). One line per case on stdout; progress on stderr only with {@code BENCH_VERBOSE=1}.
 *
 * <p>Storage nodes run as their own JVMs with {@code -Xmx256m} (download and upload share one,
 * heap gets a fresh one); locators run in this JVM. Files go to a temporary directory under
 * {@code bench/target/work}, removed at the end, on failure and on Ctrl-C, as are the processes
 * started here. {@code BENCH_JFR=1} records a profile of every storage node to {@code bench/target/jfr/}.
 */
public final class HttpBench {

    static final long FILE_BYTES = 1L << 30;
    private static final String BLOB_NAME = "bench/blob-1g";
    private static final List<String> CASES = List.of("download", "upload", "locate", "heap");
    private static final List<String> TRANSFER_CASES = List.of("download", "upload");
    private static final int DOWNLOAD_ROUNDS = 5;
    private static final int UPLOAD_ROUNDS = 3;
    private static final int HEAP_DOWNLOADS = 8;
    private static final int LOCATE_NODES = 4;
    private static final int LOCATE_RECORDS = 1000;
    private static final int LOCATE_RATE = 200;
    private static final Duration LOCATE_WARM_UP = Duration.ofSeconds(2);
    private static final Duration LOCATE_DURATION = Duration.ofSeconds(10);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    /** The whole run: about 1½ minutes on 2 quiet cores; this is the bound, not the expectation. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(8);
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
            case "locate" -> locate();
            case "heap" -> heap();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * GET of the file from a storage node vs {@code cat file > /dev/null}, both from the page cache,
     * and vs the same client fetching it from a server that only calls sendfile(2): the loopback
     * wire's limit. Each round runs the three in a rotated order.
     */
    private String download() {
        ServiceProcess node = transferNode();
        Path served = transferDirectory.resolve("data").resolve(BLOB_NAME);
        try (SendfileServer wire = SendfileServer.start(served)) {
            String url = node.url() + "/api/v1/files/" + BLOB_NAME;
            cat(served);
            // Unmeasured: the node hashes a file dropped into its directory before it first serves it.
            requireWhole(http.download(url, TRANSFER_TIMEOUT), 200, "warm-up download");
            requireWhole(http.download(wire.url(), TRANSFER_TIMEOUT), 200, "warm-up sendfile download");
            progress("download: warmed up");
            double[] ours = new double[DOWNLOAD_ROUNDS];
            double[] cat = new double[DOWNLOAD_ROUNDS];
            double[] sendfile = new double[DOWNLOAD_ROUNDS];
            for (int round = 0; round < DOWNLOAD_ROUNDS; round++) {
                int r = round;
                List<Runnable> peers = List.of(
                        () -> ours[r] = mbps(FILE_BYTES,
                                requireWhole(http.download(url, TRANSFER_TIMEOUT), 200, "download").nanos()),
                        () -> sendfile[r] = mbps(FILE_BYTES, requireWhole(http.download(wire.url(), TRANSFER_TIMEOUT),
                                200, "sendfile download").nanos()),
                        () -> cat[r] = mbps(FILE_BYTES, cat(served).nanos()));
                for (int i = 0; i < peers.size(); i++) {
                    peers.get((round + i) % peers.size()).run();
                }
                progress(String.format(Locale.ROOT, "download: round %d ours=%.0f sendfile=%.0f cat=%.0f MB/s",
                        round, ours[r], sendfile[r], cat[r]));
            }
            double oursMedian = median(ours);
            double catMedian = median(cat);
            double sendfileMedian = median(sendfile);
            return String.format(Locale.ROOT, "case=download ours_mbps=%.0f cat_mbps=%.0f ratio_cat=%.2f target=0.7"
                            + " sendfile_mbps=%.0f ratio_sendfile=%.2f client=%s rounds=%d",
                    oursMedian, catMedian, oursMedian / catMedian, sendfileMedian, oursMedian / sendfileMedian,
                    http.name(), DOWNLOAD_ROUNDS);
        }
    }

    /**
     * PUT of the file vs {@code cp} of it into the same file system. The PUT returns only once the
     * file is forced to disk, so the peer is {@code cp} followed by {@code sync} of the copy;
     * {@code cp} alone is reported too. {@code sync} runs unmeasured before each transfer so each
     * flushes only its own bytes; the order alternates between rounds.
     */
    private String upload() {
        Path source = blob();
        ServiceProcess node = transferNode();
        Path copies = work.directory("upload-cp");
        try {
            cat(source);
            warmUpUpload(node);
            progress("upload: warmed up");
            double[] ours = new double[UPLOAD_ROUNDS];
            double[] cpSync = new double[UPLOAD_ROUNDS];
            double[] cpOnly = new double[UPLOAD_ROUNDS];
            for (int round = 0; round < UPLOAD_ROUNDS; round++) {
                int r = round;
                Runnable put = () -> {
                    syncAll();
                    String name = "bench/upload-" + r;
                    Transfer transfer = http.upload(node.url() + "/api/v1/files/" + name, source, token, TRANSFER_TIMEOUT);
                    requireWhole(transfer, 201, "upload");
                    requireSize(transferDirectory.resolve("data").resolve(name), "the uploaded file");
                    ours[r] = mbps(FILE_BYTES, transfer.nanos());
                };
                Runnable cp = () -> {
                    syncAll();
                    Path copy = copies.resolve("copy-" + r);
                    Commands.Result copied = Commands.check(COMMAND_TIMEOUT, work.scratch(),
                            "cp", "--reflink=never", source.toString(), copy.toString());
                    Commands.Result synced = Commands.check(COMMAND_TIMEOUT, work.scratch(), "sync", copy.toString());
                    requireSize(copy, "the copy");
                    cpSync[r] = mbps(FILE_BYTES, copied.nanos() + synced.nanos());
                    cpOnly[r] = mbps(FILE_BYTES, copied.nanos());
                };
                if (round % 2 == 0) {
                    put.run();
                    cp.run();
                } else {
                    cp.run();
                    put.run();
                }
                progress(String.format(Locale.ROOT, "upload: round %d ours=%.0f cp+sync=%.0f cp=%.0f MB/s",
                        round, ours[r], cpSync[r], cpOnly[r]));
            }
            double oursMedian = median(ours);
            double cpMedian = median(cpSync);
            return String.format(Locale.ROOT, "case=upload ours_mbps=%.0f cp_mbps=%.0f ratio_cp=%.2f"
                            + " cp_nosync_mbps=%.0f peer=cp+sync client=%s rounds=%d",
                    oursMedian, cpMedian, oursMedian / cpMedian, median(cpOnly), http.name(), UPLOAD_ROUNDS);
        } finally {
            work.delete(copies);
        }
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
        try (ServiceProcess node = startNode("heap", directory, true)) {
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
            transferNode = startNode("transfer", transferDirectory, false);
        }
        return transferNode;
    }

    /** Stops the shared node and removes its files (uploads included) once no case needs it. */
    private void releaseTransferNode() {
        ServiceProcess node;
        synchronized (this) {
            node = transferNode;
            transferNode = null;
            if (node != null) {
                open.remove(node);
            }
        }
        if (node != null) {
            node.close();
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

    private ServiceProcess startNode(String name, Path directory, boolean memoryDiagnostics) {
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
                tokenSha256, jfr, memoryDiagnostics);
        synchronized (this) {
            open.add(node);
        }
        progress("storage node '" + name + "' ready (pid " + node.pid() + ")");
        return node;
    }

    /** Small unmeasured uploads, so the first measured one does not run the upload path cold. */
    private void warmUpUpload(ServiceProcess node) {
        Path small = work.root().resolve("warm-up-32m");
        try {
            byte[] bytes = new byte[32 << 20];
            new SplittableRandom(7).nextBytes(bytes);
            Files.write(small, bytes);
            for (int i = 0; i < 3; i++) {
                Transfer transfer = http.upload(node.url() + "/api/v1/files/bench/warm-up-" + i, small, token,
                        TRANSFER_TIMEOUT);
                if (transfer.status() != 201) {
                    throw new IllegalStateException("warm-up upload answered " + transfer.status() + "\n" + node.logTail());
                }
            }
            Files.delete(small);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
