package io.sectorsphere.storage.publish;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.FileRemoved;
import io.sectorsphere.storage.files.FileStored;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's location records on the ring: every file it holds is published as soft state
 * with {@code record-ttl} and refreshed every third of it; a new file is published at once and a
 * removed one withdrawn at once. Work that fails (the locator is down or still joining) is retried
 * at the next round, every {@code rescan-interval}. A record index ({@code F.idx}) is never
 * published on its own, even while its file has not arrived yet: it travels with its file, so the
 * replica check can never copy an index alone to another node.
 */
@Component
public class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private static final int WITHDRAW_ATTEMPTS = 3;

    private final LocatorClient locator;
    private final LocalIndex index;
    private final NodeIdentity identity;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refreshAfter;
    /** Names to publish at the next drain. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Names with a live record of ours, and when it was last refreshed. */
    private final Map<String, Instant> published = new ConcurrentHashMap<>();
    /** Names whose record is to be withdrawn, with the attempts made. */
    private final Map<String, Integer> withdrawals = new ConcurrentHashMap<>();
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean locatorDown = new AtomicBoolean();

    Publisher(LocatorClient locator, LocalIndex index, NodeIdentity identity,
              ScheduledExecutorService storageScheduler, Clock clock, StorageProperties properties) {
        this.locator = locator;
        this.index = index;
        this.identity = identity;
        this.scheduler = storageScheduler;
        this.clock = clock;
        this.ttl = properties.recordTtl();
        this.refreshAfter = properties.recordTtl().dividedBy(3);
    }

    @EventListener
    void on(FileStored stored) {
        FileName name = stored.file().name();
        withdrawals.remove(name.value());
        dirty.add(name.value());
        drainSoon();
    }

    @EventListener
    void on(FileRemoved removed) {
        String name = removed.name().value();
        dirty.remove(name);
        withdrawals.put(name, 0);
        drainSoon();
    }

    /** One periodic round: records due for a refresh are marked, then everything pending is sent. */
    public void round() {
        Instant due = clock.instant().minus(refreshAfter);
        for (LocalFile file : index.all()) {
            Instant last = published.get(file.name().value());
            if (last == null || last.isBefore(due)) {
                dirty.add(file.name().value());
            }
        }
        drain();
    }

    /** Whether every file held here has a live record of ours (for tests and readiness of the data). */
    public boolean isSettled() {
        return dirty.isEmpty() && withdrawals.isEmpty();
    }

    private void drainSoon() {
        if (identity.get().isPresent() && drainQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    drainQueued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                drainQueued.set(false); // shutting down
            }
        }
    }

    /** Sends pending withdrawals, then pending records; stops at the first locator failure. */
    private void drain() {
        NodeIdentity.Self self = identity.get().orElse(null);
        if (self == null || !draining.tryLock()) {
            return;
        }
        try {
            for (String name : List.copyOf(withdrawals.keySet())) {
                if (!withdraw(FileName.of(name), self)) {
                    return;
                }
            }
            for (String name : List.copyOf(dirty)) {
                if (!publish(FileName.of(name), self)) {
                    return;
                }
            }
            if (locatorDown.compareAndSet(true, false)) {
                log.info("{} publishes to the locator at {} again", self.holder(), locator.url());
            }
        } finally {
            draining.unlock();
        }
    }

    private boolean withdraw(FileName name, NodeIdentity.Self self) {
        if (index.contains(name) && !LocalFile.isRecordIndex(name)) {
            withdrawals.remove(name.value());
            return true;
        }
        try {
            locator.withdraw(name, self.holder());
            published.remove(name.value());
            withdrawals.remove(name.value());
            return true;
        } catch (LocatorUnavailableException e) {
            int attempts = withdrawals.merge(name.value(), 1, Integer::sum);
            if (attempts >= WITHDRAW_ATTEMPTS) {
                // The record lapses by itself when its time-to-live runs out.
                withdrawals.remove(name.value());
                published.remove(name.value());
            }
            return failed(e);
        }
    }

    private boolean publish(FileName name, NodeIdentity.Self self) {
        LocalFile file = index.get(name).orElse(null);
        if (file == null || file.sha256() == null || LocalFile.isRecordIndex(name)) {
            // Gone, not hashed yet (announced again once it is), or travelling with its file.
            dirty.remove(name.value());
            return true;
        }
        try {
            locator.publish(name, new ReplicaUpdate(self.holder(), self.httpAddress(), self.udtAddress(),
                    file.size(), file.mtime(), file.checksum(), ttl.toSeconds()));
            published.put(name.value(), clock.instant());
            dirty.remove(name.value());
            return true;
        } catch (LocatorUnavailableException e) {
            return failed(e);
        }
    }

    private boolean failed(LocatorUnavailableException e) {
        if (locatorDown.compareAndSet(false, true)) {
            log.warn("cannot publish to the locator, retrying every round: {}", e.getMessage());
        }
        return false;
    }
}
