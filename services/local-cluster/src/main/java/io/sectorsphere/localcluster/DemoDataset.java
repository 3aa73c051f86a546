package io.sectorsphere.localcluster;

import io.sectorsphere.common.file.FileMeta;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The small dataset {@code sector local} loads so that a newcomer has files to locate and fetch:
 * a few text files of one record per line, each with its record index {@code <name>.idx} as Sector
 * writes it (big-endian int64 offsets of every record's start, then the end of the last: records
 * + 1 entries). The content is the same on every run, so loading it again is a no-op.
 */
public final class DemoDataset {

    /** One demo file and its record index. */
    public record DemoFile(String name, byte[] content, byte[] index, int records) {

        public String indexName() {
            return name + ".idx";
        }

        public String checksum() {
            return "sha256:" + HexFormat.of().formatHex(StorageClient.sha256(content));
        }
    }

    /** What loading did with each file. */
    public enum Outcome { UPLOADED, PRESENT, DIFFERENT_CONTENT }

    private static final Instant EPOCH = Instant.parse("2026-11-22T00:00:00Z");

    private DemoDataset() {
    }

    public static List<DemoFile> files() {
        return List.of(
                file("demo/readings.csv", 400, DemoDataset::reading),
                file("demo/points.tsv", 300, DemoDataset::point),
                file("demo/access.log", 200, DemoDataset::accessLine));
    }

    /**
     * Uploads every demo file that the cluster does not have yet through {@code node}, then its
     * index. Not the index first: a record index stored before its file is published as a file of
     * its own until the file arrives, and the replica check may copy it alone meanwhile. A file that
     * exists with other content (a user replaced it) is left alone.
     *
     * @return the outcome per file, in the order of {@link #files()}
     */
    public static List<Outcome> load(StorageClient node, String token) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DemoFile file : files()) {
            Optional<FileMeta> existing = node.meta(file.name());
            if (existing.isPresent()) {
                outcomes.add(file.checksum().equalsIgnoreCase(existing.get().checksum())
                        ? Outcome.PRESENT : Outcome.DIFFERENT_CONTENT);
                continue;
            }
            upload(node, token, file.name(), file.content());
            upload(node, token, file.indexName(), file.index());
            outcomes.add(Outcome.UPLOADED);
        }
        return outcomes;
    }

    /** A 409 means this node holds the name already (found before its record was published). */
    private static void upload(StorageClient node, String token, String name, byte[] content) {
        try {
            node.put(name, content, token, false);
        } catch (HttpClientErrorException.Conflict e) {
            // Present already; its content is checked the next time the cluster starts.
        }
    }

    /**
     * @param lines line {@code i} of the file, without its line end
     */
    static DemoFile file(String name, int records, IntFunction<String> lines) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate((records + 1) * Long.BYTES);
        for (int i = 0; i < records; i++) {
            index.putLong(content.size());
            content.writeBytes((lines.apply(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        index.putLong(content.size());
        return new DemoFile(name, content.toByteArray(), index.array(), records);
    }

    private static final String[] STATIONS = {"chicago-ohare", "amsterdam-schiphol", "tokyo-haneda",
        "sao-paulo-guarulhos", "nairobi-jkia"};

    /** Hourly temperature readings of a few weather stations: {@code station,time,celsius}. */
    private static String reading(int i) {
        Random random = new Random(1000L + i);
        String station = STATIONS[i % STATIONS.length];
        Instant time = EPOCH.plusSeconds(3600L * (i / STATIONS.length));
        double celsius = 5 + (i % STATIONS.length) * 4 + random.nextGaussian() * 3;
        return String.format(Locale.ROOT, "%s,%s,%.1f", station, time, celsius);
    }

    /** Points around three centres, the kind of input a clustering function reads: {@code x<TAB>y}. */
    private static String point(int i) {
        Random random = new Random(2000L + i);
        double[][] centres = {{1, 1}, {6, 2}, {3, 7}};
        double[] centre = centres[i % centres.length];
        return String.format(Locale.ROOT, "%.4f\t%.4f", centre[0] + random.nextGaussian() * 0.6,
                centre[1] + random.nextGaussian() * 0.6);
    }

    /** Requests to a file server: {@code time method path status bytes}. */
    private static String accessLine(int i) {
        Random random = new Random(3000L + i);
        int status = random.nextInt(20) == 0 ? 404 : 200;
        return String.format(Locale.ROOT, "%s GET /api/v1/files/data/part-%03d %d %d",
                EPOCH.plusMillis(1500L * i), random.nextInt(100), status, status == 200 ? random.nextInt(1 << 20) : 0);
    }
}
