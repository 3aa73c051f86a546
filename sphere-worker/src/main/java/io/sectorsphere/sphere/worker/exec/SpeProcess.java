package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.runtime.SpeEvent;
import io.sectorsphere.sphere.runtime.SpeRequest;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One processing element: a child JVM that runs attempts one after another. A unit running past its
 * timeout, or an attempt cancelled, kills the child; so does anything the child cannot report.
 */
final class SpeProcess implements AutoCloseable {

    private static final int STDERR_LINES = 20;

    private final Process process;
    private final DataOutputStream requests;
    private final BufferedReader reports;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    SpeProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(process.getOutputStream());
        this.reports = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("spe-stderr-" + process.pid()).start(() -> drain(process.getErrorStream()));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs one attempt to its end.
     *
     * @param cancelled polled while it runs: true kills the child
     * @return the attempt's outcome; a killed or crashed child is a {@link SpeEvent.Failed}
     */
    SpeEvent run(SpeRequest request, Duration unitTimeout, BooleanSupplier cancelled) {
        UnitWatch watch = new UnitWatch(unitTimeout, cancelled);
        Thread watchdog = Thread.ofVirtual().name("spe-watch-" + process.pid()).start(() -> watch.guard(process));
        try {
            request.writeTo(requests);
            String line;
            while ((line = reports.readLine()) != null) {
                SpeEvent event = SpeEvent.decode(line);
                if (event instanceof SpeEvent.UnitStarted) {
                    watch.unitStarted();
                } else {
                    return event;
                }
            }
            return new SpeEvent.Failed(watch.reason().orElseGet(this::exitReason));
        } catch (IOException | IllegalArgumentException e) {
            process.destroyForcibly();
            return new SpeEvent.Failed(watch.reason().orElseGet(() -> "the processing element failed: " + e.getMessage()));
        } finally {
            watch.stop();
            watchdog.interrupt();
        }
    }

    private String exitReason() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String code = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        String tail;
        synchronized (stderrTail) {
            tail = String.join(" | ", stderrTail);
        }
        boolean outOfMemory = tail.contains("OutOfMemoryError") || tail.contains("Terminating due to java.lang.OutOfMemoryError");
        return (outOfMemory ? "the function ran out of memory" : "the processing element died") + " (" + code + ")"
                + (tail.isEmpty() ? "" : ": " + tail);
    }

    private void drain(InputStream stderr) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone; its last lines are kept
        }
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // closing stdin asks the child to exit; if that fails it is killed below
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
