package io.sectorsphere.wan;

import io.sectorsphere.udt.interop.NativeBuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The C forwarder process ({@code wanfwd.c}) that owns both TUN devices and carries packets between
 * them. Its stdin is the control channel: a line asks for a stats line, end of input makes it print
 * final stats and exit — so it also exits, taking its TUN devices along, if this JVM dies.
 */
final class Forwarder implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final OutputStream control;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final BlockingQueue<ForwarderStats> statsLines = new LinkedBlockingQueue<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private boolean closed;
    private ForwarderStats finalStats;

    private Forwarder(Process process) {
        this.process = process;
        this.control = process.getOutputStream();
        Thread.ofVirtual().name("wanfwd-out-" + process.pid()).start(this::readStdout);
        Thread.ofVirtual().name("wanfwd-err-" + process.pid()).start(this::readStderr);
    }

    static Path binary() throws IOException, InterruptedException {
        return NativeBuild.executable(Forwarder.class, "wanfwd.c", "sector-wanfwd", "gcc", List.of());
    }

    /** Starts the forwarder between TUN {@code device} in namespace {@code a} and in {@code b}; returns once both exist. */
    static Forwarder start(String namespaceA, String namespaceB, String device, LinkProfile profile, long seed)
            throws IOException, InterruptedException {
        List<String> command = List.of(binary().toString(), namespaceA, device, namespaceB, device,
                Long.toString(profile.rateBitsPerSecond()), Long.toString(profile.oneWayDelay().toNanos()),
                Double.toString(profile.lossRate()), Long.toString(profile.queueBytes()), Long.toString(seed));
        Forwarder forwarder = new Forwarder(new ProcessBuilder(command).start());
        try {
            forwarder.ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            forwarder.close();
            throw new IOException("forwarder did not start: " + forwarder.stderr, e);
        }
        return forwarder;
    }

    long pid() {
        return process.pid();
    }

    /** The counters right now. */
    synchronized ForwarderStats stats() throws IOException, InterruptedException {
        if (closed) {
            if (finalStats == null) {
                throw new IOException("forwarder ended without final stats; stderr: " + stderr);
            }
            return finalStats;
        }
        control.write('\n');
        control.flush();
        ForwarderStats stats = statsLines.poll(STATS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (stats == null) {
            throw new IOException("forwarder gave no stats within " + STATS_TIMEOUT + "; stderr: " + stderr);
        }
        return stats;
    }

    /** Ends the forwarder, keeping its final counters for {@link #stats()}. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            control.close();
        } catch (IOException alreadyGone) {
            // A forwarder that already exited needs no end-of-input.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        finalStats = statsLines.poll(2, TimeUnit.SECONDS);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.equals("ready")) {
                    ready.complete(null);
                } else if (ForwarderStats.isStatsLine(line)) {
                    statsLines.add(ForwarderStats.parse(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("forwarder exited"));
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stderr.add(line);
            }
        } catch (IOException ignored) {
            // The process is gone; what it wrote so far is kept.
        }
    }
}
