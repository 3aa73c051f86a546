package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.runtime.SpeEvent;
import io.sectorsphere.sphere.runtime.SpeRequest;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The worker's processing elements: at most one attempt per element at a time, each in a child
 * JVM that is kept for the next attempt while it stays healthy. A child that failed is replaced, so
 * no function can leave state behind for another job's attempt.
 */
@Component
public class SpePool implements DisposableBean {

    private final SpeLauncher launcher;
    private final Path directory;
    private final Duration unitTimeout;
    private final int size;
    private final Semaphore elements;
    private final Deque<SpeProcess> idle = new ArrayDeque<>();
    private volatile boolean closed;

    SpePool(SphereProperties properties) {
        this.launcher = new SpeLauncher(properties);
        this.directory = properties.workDir().toAbsolutePath().normalize().resolve("elements");
        this.unitTimeout = properties.elements().unitTimeout();
        this.size = properties.effectiveProcessingElements();
        this.elements = new Semaphore(size, true);
    }

    public int size() {
        return size;
    }

    /** Elements running an attempt now. */
    public int busy() {
        return size - elements.availablePermits();
    }

    /** Runs an attempt on the next free element, waiting for one. */
    SpeEvent run(SpeRequest request, BooleanSupplier cancelled) throws InterruptedException {
        elements.acquire();
        SpeProcess process = null;
        try {
            process = take();
            SpeEvent outcome = process.run(request, unitTimeout, cancelled);
            if (outcome instanceof SpeEvent.Finished && process.isAlive()) {
                give(process);
                process = null;
            }
            return outcome;
        } catch (IOException e) {
            return new SpeEvent.Failed("could not start a processing element: " + e.getMessage());
        } finally {
            if (process != null) {
                process.close();
            }
            elements.release();
        }
    }

    private SpeProcess take() throws IOException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                SpeProcess process = idle.removeFirst();
                if (process.isAlive()) {
                    return process;
                }
            }
        }
        if (closed) {
            throw new IOException("the worker is stopping");
        }
        return new SpeProcess(launcher.start(directory));
    }

    private void give(SpeProcess process) {
        synchronized (idle) {
            if (!closed) {
                idle.addLast(process);
                return;
            }
        }
        process.close();
    }

    @Override
    public void destroy() {
        closed = true;
        synchronized (idle) {
            idle.forEach(SpeProcess::close);
            idle.clear();
        }
    }
}
