package io.sectorsphere.bench.terasort;

import io.sectorsphere.client.JobListener;
import io.sectorsphere.client.JobPolling;
import io.sectorsphere.client.PutOptions;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SphereClient;
import io.sectorsphere.client.TransferListener;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import io.sectorsphere.localcluster.LocalCluster;
import io.sectorsphere.localcluster.LocalClusterSettings;
import io.sectorsphere.localcluster.NodeEndpoints;
import io.sectorsphere.sphere.operators.TeraChecksum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our side: a 4-node {@link LocalCluster} in this JVM (locator, storage node, transfer agent and Sphere
 * worker per node, on 127.0.77.11-14 so as not to meet a {@code ./sector local} on 127.0.0.11), TeraGen
 * as a Sphere job, and Terasort as the two-stage job {@code sector terasort} submits, timed from submit
 * to SUCCEEDED through {@link SphereClient}.
 *
 * <p>Every processing element (the child JVMs the workers run operators in) logs its collections and
 * its heap at exit to {@code gc-PID.log} in its working directory, which {@link SpeHeapLogs} reads for
 * the peak heap.
 */
final class SectorTerasort implements AutoCloseable {

    static final int NODES = 4;
    private static final String BASE_ADDRESS = "127.0.77.10";
    private static final String INPUT = "tera/in";
    /** Two buckets per node, as {@code sector terasort} picks by default. */
    private static final int BUCKETS = 2 * NODES;
    private static final String RECORD_FORMAT = "fixed:100";
    /** {@code sector teragen}'s control file: a line {@code %020d %020d\n} (first row, count) per part. */
    private static final int CONTROL_LINE_BYTES = 42;
    private static final long MAX_ROWS_PER_PART = 2_000_000;
    /** Polled every 100 ms, so that the time to SUCCEEDED is seen within a tenth of a second. */
    private static final JobPolling POLLING =
            new JobPolling(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(60));

    private final LocalCluster cluster;
    private final SectorClient storage;
    private final SphereClient sphere;
    private final Path state;

    private SectorTerasort(LocalCluster cluster, Path state) {
        this.cluster = cluster;
        this.state = state;
        NodeEndpoints first = cluster.endpoints().getFirst();
        this.storage = new SectorClient(URI.create(first.storage()), cluster.token());
        this.sphere = new SphereClient(URI.create(first.sphere()), cluster.token());
    }

    /**
     * Starts the cluster with its state (data directories) under {@code state}.
     *
     * @param copies the locators' minimum copy count for every file (1 as Hadoop local keeps, or 2)
     */
    static SectorTerasort start(Path state, int copies) {
        Map<String, String> properties = new HashMap<>();
        properties.put("sector.locator.replication.min-copies", Integer.toString(copies));
        for (int i = 0; i < SpeHeapLogs.JVM_OPTIONS.size(); i++) {
            properties.put("sector.sphere.elements.jvm-options[" + i + "]", SpeHeapLogs.JVM_OPTIONS.get(i));
        }
        LocalClusterSettings settings = new LocalClusterSettings(NODES, BASE_ADDRESS,
                LocalClusterSettings.DEFAULT_LOCATOR_PORT, LocalClusterSettings.DEFAULT_STORAGE_PORT,
                LocalClusterSettings.DEFAULT_AGENT_PORT, LocalClusterSettings.DEFAULT_SPHERE_PORT, state,
                Duration.ofMinutes(3), false, properties);
        return new SectorTerasort(LocalCluster.start(settings), state);
    }

    /** The directories the workers' processing elements run in, one per node. */
    List<Path> elementDirectories() {
        List<Path> directories = new ArrayList<>();
        for (int k = 1; k <= NODES; k++) {
            directories.add(cluster.settings().dataDirectory(k).resolveSibling("sphere-work").resolve("elements"));
        }
        return directories;
    }

    /** Rows 0..rows-1 into {@code tera/in/part-NNNNN} as {@code sector teragen} makes them. */
    void teragen(long rows) throws IOException {
        String control = INPUT + ".teragen";
        Path file = Files.createTempFile(state, "teragen", ".control");
        Files.writeString(file, controlLines(rows), StandardCharsets.US_ASCII);
        storage.put(control, file, PutOptions.OVERWRITE, TransferListener.NONE);
        JobRequest job = new JobRequest("teragen " + INPUT, new JobInput(List.of(control), null),
                "fixed:" + CONTROL_LINE_BYTES,
                List.of(new StageRequest("teragen", null, null, null, null, null,
                        new OutputRequest("LOCAL", INPUT, null, null))),
                (long) CONTROL_LINE_BYTES, (long) CONTROL_LINE_BYTES);
        run(job);
        storage.delete(control);
        Files.delete(file);
    }

    /** {@code sector teragen}'s parts: two per node, at least one per 2,000,000 rows, as equal as can be. */
    private static String controlLines(long rows) {
        int parts = (int) Math.min(Math.max(2L * NODES, (rows + MAX_ROWS_PER_PART - 1) / MAX_ROWS_PER_PART), rows);
        StringBuilder lines = new StringBuilder();
        long start = 0;
        for (int i = 0; i < parts; i++) {
            long count = rows / parts + (i < rows % parts ? 1 : 0);
            lines.append(String.format(Locale.ROOT, "%020d %020d\n", start, count));
            start += count;
        }
        return lines.toString();
    }

    /** The checksum of what the cluster holds under {@code prefix}, summed from a {@code teravalidate} job. */
    String checksum(String prefix) throws IOException {
        JobRequest job = new JobRequest("checksum " + prefix, new JobInput(dataFiles(prefix), null), RECORD_FORMAT,
                List.of(new StageRequest("teravalidate", null, "SEGMENT", null, null, null,
                        new OutputRequest("CALLER", null, null, null))),
                null, null);
        JobStatus finished = run(job);
        ByteArrayOutputStream summaries = new ByteArrayOutputStream();
        sphere.results(finished.id(), summaries);
        TeraChecksum checksum = new TeraChecksum();
        for (String line : summaries.toString(StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                // file offset records first_key last_key unsorted_pairs checksum_hex
                String[] fields = line.strip().split("\\s+");
                checksum.add(new BigInteger(fields[fields.length - 1], 16));
            }
        }
        return checksum.hex();
    }

    String input() {
        return INPUT;
    }

    /** The job {@code sector terasort IN OUT} submits: bucket by key range, then sort each bucket. */
    JobStatus terasort(String output) {
        JobRequest job = new JobRequest("terasort " + output, new JobInput(null, List.of(INPUT + "/")), RECORD_FORMAT,
                List.of(new StageRequest("terasort-bucket", null, null, null, null, null,
                                new OutputRequest("BUCKETS", output + "/_buckets", BUCKETS, true)),
                        new StageRequest("terasort-sort", null, "FILE", null, null, RECORD_FORMAT,
                                new OutputRequest("LOCAL", output, null, null))),
                null, null);
        return run(job);
    }

    /** Copies the part files under {@code prefix}, in name order, to {@code target} as Hadoop's part-r-NNNNN. */
    void export(String prefix, Path target) throws IOException {
        Files.createDirectories(target);
        List<String> files = dataFiles(prefix);
        for (int i = 0; i < files.size(); i++) {
            storage.get(files.get(i), target.resolve(String.format(Locale.ROOT, "part-r-%05d", i)), false,
                    TransferListener.NONE);
        }
    }

    /** Deletes every file under {@code prefix}, indexes too. */
    void delete(String prefix) {
        for (FileEntry file : list(prefix)) {
            storage.delete(file.name());
        }
    }

    /** The data files under {@code prefix} in name order: no {@code .idx}, no names starting with _ or . */
    private List<String> dataFiles(String prefix) {
        String directory = prefix + "/";
        return list(prefix).stream().map(FileEntry::name)
                .filter(name -> !name.endsWith(".idx"))
                .filter(name -> !name.substring(directory.length()).startsWith("_")
                        && !name.substring(directory.length()).startsWith("."))
                .sorted().toList();
    }

    private List<FileEntry> list(String prefix) {
        List<FileEntry> files = new ArrayList<>();
        String after = null;
        do {
            FileListing page = storage.list(prefix + "/", 0, after);
            files.addAll(page.files());
            after = page.next();
        } while (after != null);
        return files;
    }

    private JobStatus run(JobRequest job) {
        JobStatus submitted = sphere.submit(job);
        JobStatus finished = sphere.waitFor(submitted.id(), POLLING, JobListener.NONE);
        if (!"SUCCEEDED".equals(finished.state())) {
            throw new IllegalStateException(job.name() + " ended " + finished.state() + ": " + finished);
        }
        return finished;
    }

    @Override
    public void close() {
        try {
            sphere.close();
            storage.close();
        } finally {
            cluster.close();
        }
    }
}
