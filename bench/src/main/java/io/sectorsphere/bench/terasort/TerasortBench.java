package io.sectorsphere.bench.terasort;

import io.sectorsphere.bench.process.BenchDirectories;
import io.sectorsphere.bench.process.Commands;
import io.sectorsphere.bench.process.Workspace;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.sphere.operators.TeraChecksum;
import java.io.IOException;
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
 * Terasort on a 4-node local cluster against Hadoop 3.3.6 TeraSort in local mode, Spark 3.5.3
 * {@code local[2]} and a single-process in-memory sort (the limit), on the same TeraGen records, with
 * the settings of shared/peers/README.md. One line per case on stdout, progress on stderr.
 *
 * <p>Per case: Hadoop TeraGen writes the input once; its checksum must equal our generator's, and our
 * {@code teragen} job writes the same records into the cluster (checked by the checksum of what the
 * cluster holds). Then {@value #DEFAULT_RUNS} rounds ({@code TERASORT_RUNS}), each running the four in turn,
 * in reverse order every other round; each time is the median with its min and max. Ours is timed from
 * submit to SUCCEEDED, the others from process start to exit (each in a JVM of its own: Hadoop and
 * Spark on Java 17, {@code PEER_JAVA_HOME}, with {@code -Xmx6g}). Our first round's output is copied out
 * of Sector in bucket order as Hadoop part files, and Hadoop's TeraValidate must report TeraGen's
 * checksum and no misorder for {@code validated=yes}.
 *
 * <p>{@code TERASORT_COPIES} (default 1, as Hadoop local keeps one copy) sets the cluster's minimum copy
 * count. Files go to {@code bench/target/work/terasort-*}, removed at the end.
 */
public final class TerasortBench {

    private static final int DEFAULT_RUNS = 3;
    private static final Path DEFAULT_PEER_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    private static final Duration LIMIT_TIMEOUT = Duration.ofMinutes(10);

    private final Workspace work;
    private final PeerClassPaths peers;
    private final Path peerJava;
    private final int runs;
    private final int copies;

    private TerasortBench(Workspace work, PeerClassPaths peers, Path peerJava, int runs, int copies) {
        this.work = work;
        this.peers = peers;
        this.peerJava = peerJava;
        this.runs = runs;
        this.copies = copies;
    }

    public static void main(String[] args) {
        List<TeraSize> sizes = new ArrayList<>();
        try {
            for (String name : args.length == 0 ? List.of("terasort-1g", "terasort-4g")
                    : new LinkedHashSet<>(Arrays.asList(args))) {
                sizes.add(TeraSize.named(name));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench/terasort: " + e.getMessage());
            System.exit(2);
        }
        Path target = BenchDirectories.target();
        String peerJava = System.getenv("PEER_JAVA_HOME");
        TerasortBench bench = new TerasortBench(Workspace.create(target.resolve("work"), "terasort"),
                PeerClassPaths.load(target), peerJava == null || peerJava.isBlank() ? DEFAULT_PEER_JAVA : Path.of(peerJava),
                intSetting("TERASORT_RUNS", DEFAULT_RUNS), intSetting("TERASORT_COPIES", 1));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Commands.killAll();
            bench.work.close();
        }, "bench-cleanup"));
        int failed = 0;
        for (TeraSize size : sizes) {
            try {
                System.out.println(bench.run(size));
            } catch (RuntimeException | IOException e) {
                failed++;
                System.out.println("case=" + size.name() + " error=\"" + String.valueOf(e.getMessage())
                        .replace('"', '\'').lines().findFirst().orElse("") + "\"");
                e.printStackTrace(System.err);
            }
            System.out.flush();
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private String run(TeraSize size) throws IOException {
        Path dir = work.directory(size.name());
        HadoopTera hadoop = new HadoopTera(peerJava, peers.hadoop(), dir);
        SparkTera spark = new SparkTera(peerJava, peers.spark(), dir);
        // 4 GB of records plus the sort's key arrays: at 6g the parallel collector's old generation ran out.
        ChildJvm limitJvm = new ChildJvm(Path.of(System.getProperty("java.home")), "10g",
                System.getProperty("java.class.path"), List.of("-XX:+UseParallelGC"));
        Path input = dir.resolve("input");
        progress(size.name() + ": Hadoop TeraGen " + size.rows() + " rows");
        hadoop.teragen(size.rows(), input);
        String checksum = TeraRecords.checksum(input);
        String generated = TeraChecksum.ofRows(0, size.rows()).hex();
        if (!checksum.equals(generated)) {
            throw new IllegalStateException("Hadoop TeraGen's checksum " + checksum + " differs from our generator's "
                    + generated);
        }
        Map<String, Samples> times = new LinkedHashMap<>();
        for (String contender : List.of("ours", "hadoop", "spark", "limit")) {
            times.put(contender, new Samples());
        }
        Samples dataLocal = new Samples();
        Map<String, String> errors = new LinkedHashMap<>();
        TeraValidateReport validation = null;
        long clusterHeapMib;
        SectorTerasort ours = SectorTerasort.start(dir.resolve("cluster"), copies);
        try (ours; HeapPeak clusterHeap = new HeapPeak()) {
            progress(size.name() + ": our teragen job");
            ours.teragen(size.rows());
            String held = ours.checksum(ours.input());
            if (!held.equals(checksum)) {
                throw new IllegalStateException("our teragen wrote records with checksum " + held + ", Hadoop's "
                        + checksum);
            }
            for (int round = 1; round <= runs; round++) {
                List<String> order = new ArrayList<>(times.keySet());
                if (round % 2 == 0) {
                    order = order.reversed();
                }
                for (String contender : order) {
                    if (errors.containsKey(contender)) {
                        continue;
                    }
                    progress(size.name() + ": round " + round + ": " + contender);
                    String name = contender + "-" + round;
                    Path output = dir.resolve(name);
                    try {
                        double seconds = switch (contender) {
                            case "ours" -> {
                                long started = System.nanoTime();
                                JobStatus finished = ours.terasort("tera/" + name);
                                double elapsed = (System.nanoTime() - started) / 1e9;
                                dataLocal.add(finished.dataLocalFraction());
                                yield elapsed;
                            }
                            case "hadoop" -> hadoop.terasort(input, output, name);
                            case "spark" -> spark.terasort(input, output, size.sparkPartitions(), name);
                            case "limit" -> limitJvm.run(InMemorySort.class.getName(),
                                    List.of(input.toString(), output.toString()), dir.resolve(name + ".log"),
                                    LIMIT_TIMEOUT);
                            default -> throw new IllegalStateException(contender);
                        };
                        times.get(contender).add(seconds);
                        progress(String.format(Locale.ROOT, "%s: round %d: %s %.2f s", size.name(), round, contender,
                                seconds));
                    } catch (RuntimeException e) {
                        // The others' figures are still worth having; this contender runs no more in this case.
                        errors.put(contender, e.getMessage());
                        progress(size.name() + ": " + contender + " failed: " + e.getMessage());
                    }
                    if (contender.equals("ours") && round > 1) {
                        ours.delete("tera/" + name);
                    } else if (!contender.equals("ours")) {
                        work.delete(output);
                    }
                }
            }
            if (!errors.containsKey("ours")) {
                progress(size.name() + ": copying our first output out, Hadoop TeraValidate");
                Path sorted = dir.resolve("ours-sorted");
                ours.export("tera/ours-1", sorted);
                validation = hadoop.teravalidate(sorted, dir.resolve("validate"));
            }
            clusterHeapMib = clusterHeap.peakMib();
        }
        // Stopped: the processing elements have logged their heap at exit.
        long workerHeapMib = SpeHeapLogs.peakWorkerMib(ours.elementDirectories());
        double oursMedian = times.get("ours").median();
        TerasortLine line = new TerasortLine(size.name())
                .times("ours", times.get("ours")).times("hadoop", times.get("hadoop"))
                .times("spark", times.get("spark")).times("limit", times.get("limit"))
                .ratio("ratio_hadoop", oursMedian / times.get("hadoop").median())
                .ratio("ratio_spark", oursMedian / times.get("spark").median())
                .ratio("ratio_limit", oursMedian / times.get("limit").median())
                .number("data_local", dataLocal.min(), "%.3f")
                .put("ours_peak_heap_mib", workerHeapMib)
                .put("cluster_jvm_peak_heap_mib", clusterHeapMib)
                .put("copies", copies)
                .put("runs", runs)
                .put("checksum", checksum);
        boolean validated = validation != null && validation.accepts(checksum);
        if (validation != null && !validated) {
            line.put("teravalidate_checksum", validation.checksum())
                    .put("teravalidate_errors", validation.errors().size());
        }
        errors.forEach((contender, error) -> line.put(contender + "_error",
                '"' + String.valueOf(error).replace('"', '\'').replace('\n', ' ') + '"'));
        work.delete(dir);
        return line.put("validated", validated ? "yes" : "no").toString();
    }

    private static int intSetting(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed = Integer.parseInt(value.strip());
        if (parsed < 1) {
            throw new IllegalArgumentException(variable + " must be at least 1, not " + parsed);
        }
        return parsed;
    }

    private static void progress(String message) {
        System.err.println("bench/terasort: " + message);
    }
}
