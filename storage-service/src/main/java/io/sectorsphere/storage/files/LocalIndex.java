package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The local file index: every file in the data directory with its size, mtime and checksum, in
 * name order for paged listings. Kept in memory and rebuilt by a scan at start. Every change is
 * made under the name's lock and announced as {@link FileStored} or {@link FileRemoved}, which is
 * how the publisher learns what to tell the ring.
 */
@Component
public class LocalIndex {

    private final ConcurrentSkipListMap<String, LocalFile> files = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final NameLocks locks;
    private final ApplicationEventPublisher events;

    LocalIndex(NameLocks locks, ApplicationEventPublisher events) {
        this.locks = locks;
        this.events = events;
    }

    public Optional<LocalFile> get(FileName name) {
        return Optional.ofNullable(files.get(name.value()));
    }

    public boolean contains(FileName name) {
        return files.containsKey(name.value());
    }

    /** Adds or replaces a file's record; announces it if its checksum is known and anything changed. */
    public void put(LocalFile file) {
        locks.withLock(file.name(), () -> {
            LocalFile old = files.put(file.name().value(), file);
            bytes.addAndGet(file.size() - (old == null ? 0 : old.size()));
            if (file.sha256() != null && !file.equals(old)) {
                events.publishEvent(new FileStored(file));
            }
            return null;
        });
    }

    /**
     * Records a checksum computed for a file, if the index still holds that version of it.
     *
     * @return the updated record, or empty if the file changed or went away meanwhile
     */
    public Optional<LocalFile> recordChecksum(FileName name, long size, Instant mtime, String sha256) {
        return locks.withLock(name, () -> {
            LocalFile current = files.get(name.value());
            if (current == null || !current.sameVersion(size, mtime)) {
                return Optional.<LocalFile>empty();
            }
            if (current.sha256() == null) {
                put(current.withSha256(sha256));
            }
            return Optional.of(files.get(name.value()));
        });
    }

    /** Removes a file's record, announcing it if there was one. */
    public Optional<LocalFile> remove(FileName name) {
        return locks.withLock(name, () -> {
            LocalFile old = files.remove(name.value());
            if (old != null) {
                bytes.addAndGet(-old.size());
                events.publishEvent(new FileRemoved(name));
            }
            return Optional.ofNullable(old);
        });
    }

    /**
     * Up to {@code limit} files whose names start with {@code prefix} and sort after {@code after},
     * in name order.
     */
    public List<LocalFile> page(String prefix, String after, int limit) {
        String from = after != null && after.compareTo(prefix) >= 0 ? after : prefix;
        boolean inclusive = after == null || after.compareTo(prefix) < 0;
        List<LocalFile> page = new ArrayList<>(Math.min(limit, 1024));
        for (Map.Entry<String, LocalFile> entry : files.tailMap(from, inclusive).entrySet()) {
            if (page.size() >= limit || !entry.getKey().startsWith(prefix)) {
                break;
            }
            page.add(entry.getValue());
        }
        return page;
    }

    /**
     * Whether {@code name} is the record index of a file held here: such companions are not listed
     * or published on their own, they travel with their file.
     */
    public boolean isCompanion(FileName name) {
        String value = name.value();
        return value.endsWith(LocalFile.INDEX_SUFFIX)
                && files.containsKey(value.substring(0, value.length() - LocalFile.INDEX_SUFFIX.length()));
    }

    /** Whether a file held here also has its record index here. */
    public boolean hasRecordIndex(FileName name) {
        return files.containsKey(name.value() + LocalFile.INDEX_SUFFIX);
    }

    /** A weakly consistent view of every record, in name order. */
    public Collection<LocalFile> all() {
        return Collections.unmodifiableCollection(files.values());
    }

    /** Files held, not counting record indexes that travel with a file. */
    public long fileCount() {
        return files.values().stream().filter(file -> !isCompanion(file.name())).count();
    }

    /** Bytes of every file held, record indexes included. */
    public long bytes() {
        return bytes.get();
    }
}
