package io.sectorsphere.bench.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of our services in its own JVM ({@code -Xmx256m}, as the memory claims are about one
 * service), started from this module's class path on {@code 127.0.0.1} and a free port. Its console
 * goes to {@code <name>.log} in its directory. {@link #close} ends exactly this process: SIGTERM,
 * then SIGKILL if it has not gone after ten seconds.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final int HEAP_LIMIT_MIB = 256;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** "Pause Young (Normal) (G1 Evacuation Pause) 60M->10M(256M) 1.2ms": the heap before it. */
    private static final Pattern GC_HEAP = Pattern.compile("\\s(\\d+)M->\\d+M\\(\\d+M\\)");
    private static final Pattern NMT_PEAK = Pattern.compile("peak=(\\d+)(KB|MB|GB|B)");
    private static final Pattern NMT_MALLOC = Pattern.compile("malloc=(\\d+)(KB|MB|GB|B)");

    private final Process process;
    private final String url;
    private final Path log;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, String url, Path log, Path gcLog) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code mainClass} with {@code args} (its server address and port are added) and waits
     * until its readiness probe answers.
     *
     * @param jvmOptions options for its JVM besides the heap limit, such as a direct memory bound
     * @param jfr where to record a profile (settings=profile) until the service exits, or null
     * @param memoryDiagnostics Native Memory Tracking and a GC log, for the memory cases
     */
    public static ServiceProcess start(String name, Path directory, String mainClass, List<String> jvmOptions,
                                       List<String> args, Path jfr, boolean memoryDiagnostics) {
        int port = freePort();
        Path log = directory.resolve(name + ".log");
        Path gcLog = directory.resolve(name + "-gc.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP_LIMIT_MIB + "m");
        command.addAll(jvmOptions);
        if (memoryDiagnostics) {
            // Native memory by category with peaks (direct buffers count as "Other"), and every
            // collection's heap-before size: the true peaks, which polling can miss.
            command.add("-XX:NativeMemoryTracking=summary");
            command.add("-Xlog:gc:file=" + gcLog);
        }
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.addAll(args);
        // The memory cases poll jvm.memory.used; the services expose only health, info and prometheus.
        command.add("--management.endpoints.web.exposure.include=health,metrics");
        command.add("--logging.level.io.sectorsphere=INFO");
        Process process;
        try {
            Files.createDirectories(directory);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        ServiceProcess service = new ServiceProcess(process, "http://127.0.0.1:" + port, log, gcLog);
        try {
            service.awaitReady();
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** The value of a Micrometer meter through {@code /actuator/metrics}, e.g. jvm.memory.used, area:heap. */
    public OptionalDouble metric(String name, String tag) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(url + "/actuator/metrics/" + name + "?tag=" + tag))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                if ("VALUE".equals(measurement.path("statistic").asString())) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** The process's peak resident set (VmHWM), if /proc shows it. */
    public OptionalLong peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or gone.
        }
        return OptionalLong.empty();
    }

    /** Lines in the GC log so far (with memory diagnostics on); a mark for {@link #gcPeakHeapBytesSince}. */
    public int gcLogLines() {
        return readLines(gcLog).size();
    }

    /** The largest heap-before-collection size the GC log reports after line {@code mark}. */
    public OptionalLong gcPeakHeapBytesSince(int mark) {
        List<String> lines = readLines(gcLog);
        long peak = -1;
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher matcher = GC_HEAP.matcher(line);
            if (matcher.find()) {
                peak = Math.max(peak, Long.parseLong(matcher.group(1)) << 20);
            }
        }
        return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
    }

    /**
     * The process's peak of native memory in Native Memory Tracking's "Other" category, where
     * direct byte buffers and the JDK's temporary I/O buffers live (with memory diagnostics on).
     */
    public OptionalLong peakDirectBytes() {
        Commands.Result result = Commands.run(Duration.ofSeconds(30), log.resolveSibling("nmt.out"),
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid()),
                "VM.native_memory", "summary");
        List<String> lines = result.stdout().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("-") && lines.get(i).contains("Other (") && i + 1 < lines.size()) {
                String detail = lines.get(i + 1);
                Matcher peak = NMT_PEAK.matcher(detail);
                Matcher malloc = NMT_MALLOC.matcher(detail);
                if (peak.find()) {
                    return OptionalLong.of(kib(peak.group(1), peak.group(2)));
                }
                if (detail.contains("at peak") && malloc.find()) {
                    return OptionalLong.of(kib(malloc.group(1), malloc.group(2)));
                }
            }
        }
        return OptionalLong.empty();
    }

    private static long kib(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "GB" -> n << 30;
            case "MB" -> n << 20;
            case "KB" -> n << 10;
            default -> n;
        };
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last lines of the node's console, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the service started", e);
            }
            sleep(100);
        }
        throw new IllegalStateException("the service was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** Ends the process (graceful first, so a flight recording is written), and only it. */
    @Override
    public void close() {
        http.close();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
