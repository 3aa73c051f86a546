package io.sectorsphere.bench.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code multisource-<transport>} cases: one file on three sources behind three links of
 * different rates, fetched by one multi-source download. The links are the loopback of a network
 * namespace made for the case, its egress shaped by an HTB class per source address (the rate cap
 * the WAN emulator would also apply). Prints the aggregate rate over the sum of the link rates
 * (target ≥ 0.85) and how far apart the sources finished (target: within 10 %).
 */
public final class MultiSourceCase {

    static final long FILE_BYTES = 256L << 20;
    /** Link rates of the three sources, bits per second. */
    static final List<Long> LINK_RATES = List.of(50_000_000L, 100_000_000L, 150_000_000L);
    private static final String FILE_NAME = "bench/multi.bin";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern DONE = Pattern.compile("^done bytes=(\\d+) seconds=([\\d.]+)");
    private static final Pattern SOURCE = Pattern.compile("^source=(\\S+) bytes=(\\d+) active_seconds=([\\d.]+)");

    private MultiSourceCase() {
    }

    public static String run(String name, String transport, BenchFiles files) throws Exception {
        Path directory = files.directory("multisource-" + transport);
        Path data = directory.resolve("data");
        String sha256 = files.randomFile(data.resolve(FILE_NAME), FILE_BYTES);
        String namespace = "sector-ms-" + ProcessHandle.current().pid() + "-" + transport;
        try {
            shapeNamespace(namespace);
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), MultiSourceRun.class.getName(),
                    data.toString(), FILE_NAME, Long.toString(FILE_BYTES), sha256, transport, files.secret()));
            Process child = new ProcessBuilder(command).redirectError(directory.resolve("child.err").toFile()).start();
            String output;
            try {
                output = new String(child.getInputStream().readAllBytes());
                if (!child.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || child.exitValue() != 0) {
                    throw new IOException("the download failed: " + java.nio.file.Files.readString(directory.resolve("child.err")));
                }
            } finally {
                child.destroyForcibly();
            }
            return line(name, transport, output);
        } finally {
            run("ip", "netns", "delete", namespace);
            files.delete(directory);
        }
    }

    private static String line(String name, String transport, String output) throws IOException {
        double seconds = Double.NaN;
        long bytes = 0;
        List<Double> finishes = new ArrayList<>();
        StringBuilder parts = new StringBuilder();
        for (String text : output.lines().toList()) {
            Matcher done = DONE.matcher(text);
            Matcher source = SOURCE.matcher(text);
            if (done.find()) {
                bytes = Long.parseLong(done.group(1));
                seconds = Double.parseDouble(done.group(2));
            } else if (source.find()) {
                finishes.add(Double.parseDouble(source.group(3)));
                parts.append(String.format(Locale.ROOT, " part_%s_mib=%.0f", source.group(1),
                        Long.parseLong(source.group(2)) / (double) (1 << 20)));
            }
        }
        if (bytes != FILE_BYTES || finishes.size() != LINK_RATES.size()) {
            throw new IOException("unexpected output: " + output);
        }
        double aggregateMbps = bytes * 8 / seconds / 1e6;
        double linksMbps = LINK_RATES.stream().mapToLong(Long::longValue).sum() / 1e6;
        double latest = finishes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double earliest = finishes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return String.format(Locale.ROOT, "case=%s transport=%s ours_mbps=%.1f links_mbps=%.0f ratio_link=%.3f"
                        + " target=0.85 finish_spread=%.3f spread_target=0.10 file_mib=%d%s",
                name, transport, aggregateMbps, linksMbps, aggregateMbps / linksMbps, (latest - earliest) / latest,
                FILE_BYTES >> 20, parts);
    }

    /** A namespace whose loopback sends from 127.0.0.21/22/23 at the three link rates. */
    private static void shapeNamespace(String namespace) throws IOException, InterruptedException {
        run("ip", "netns", "add", namespace);
        exec(namespace, "ip", "link", "set", "lo", "up");
        exec(namespace, "tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "99", "r2q", "1000");
        exec(namespace, "tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:99", "htb", "rate", "10gbit");
        for (int i = 0; i < LINK_RATES.size(); i++) {
            String classId = "1:" + (i + 1);
            exec(namespace, "tc", "class", "add", "dev", "lo", "parent", "1:", "classid", classId, "htb",
                    "rate", LINK_RATES.get(i) + "bit", "ceil", LINK_RATES.get(i) + "bit");
            exec(namespace, "tc", "filter", "add", "dev", "lo", "parent", "1:", "protocol", "ip", "prio", "1", "u32",
                    "match", "ip", "src", MultiSourceRun.SOURCES.get(i) + "/32", "flowid", classId);
        }
    }

    private static void exec(String namespace, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
