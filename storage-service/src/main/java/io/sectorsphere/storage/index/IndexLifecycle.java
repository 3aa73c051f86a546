package io.sectorsphere.storage.index;

import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.DataDirectory;
import io.sectorsphere.storage.files.LocalIndex;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Builds the local index before the web server starts (so no request ever sees a half-built index)
 * and rescans the data directory every {@code rescan-interval}.
 */
@Component
public class IndexLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexLifecycle.class);

    private final IndexScanner scanner;
    private final LocalIndex index;
    private final DataDirectory directory;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> rescans;
    private volatile boolean running;

    IndexLifecycle(IndexScanner scanner, LocalIndex index, DataDirectory directory, StorageProperties properties,
                   ScheduledExecutorService storageScheduler) {
        this.scanner = scanner;
        this.scheduler = storageScheduler;
        this.index = index;
        this.directory = directory;
        this.interval = properties.rescanInterval();
    }

    @Override
    public synchronized void start() {
        IndexScanner.ScanReport report = scanner.scan();
        log.info("indexed {} files ({} bytes) in {}{}", index.fileCount(), index.bytes(), directory.root(),
                report.ignored() > 0 ? ", ignoring " + report.ignored() + " with unusable names" : "");
        long millis = interval.toMillis();
        rescans = scheduler.scheduleWithFixedDelay(() -> {
            try {
                scanner.scan();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule; the next one retries.
                log.warn("rescan failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (rescans != null) {
            rescans.cancel(true);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in a late phase), so the index is complete when requests arrive. */
    @Override
    public int getPhase() {
        return 0;
    }
}
