package io.sectorsphere.storage.files;

import io.sectorsphere.storage.config.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How many bytes this node may still store, and reservations that keep concurrent uploads from
 * promising the same free space twice.
 *
 * <p>With {@code sector.storage.capacity} set, free space is that capacity less the files held and
 * less every reservation. Without it, free space is what the file system reports as usable, less
 * {@code sector.storage.reserve}, less the parts of reservations not yet written (written bytes
 * already show in the usable space).
 */
@Component
public class Capacity {

    private final Long limit;
    private final long reserve;
    private final LocalIndex index;
    private final FileStore fileStore;
    /** Sum of all open reservations. */
    private final AtomicLong reserved = new AtomicLong();
    /** Sum of reserved bytes not yet written to disk. */
    private final AtomicLong outstanding = new AtomicLong();

    Capacity(StorageProperties properties, LocalIndex index, DataDirectory directory) {
        this.limit = properties.capacity() == null ? null : properties.capacity().toBytes();
        this.reserve = properties.reserve().toBytes();
        this.index = index;
        try {
            this.fileStore = Files.getFileStore(directory.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect the file system of " + directory.root(), e);
        }
    }

    /** Bytes this node may use for data in all: the configured capacity, or what it holds plus what is free. */
    public long capacityBytes() {
        return limit != null ? limit : index.bytes() + freeBytes();
    }

    public long freeBytes() {
        if (limit != null) {
            return Math.max(0, limit - index.bytes() - reserved.get());
        }
        try {
            return Math.max(0, fileStore.getUsableSpace() - reserve - outstanding.get());
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reserves nothing yet; bytes are added as they are known ({@link Reservation#ensure}). */
    public Reservation open() {
        return new Reservation();
    }

    /**
     * Space held for one file being written. Closing it releases the space: by then the file is
     * either in the index (and counted there) or deleted.
     */
    public final class Reservation implements AutoCloseable {

        /** Bytes reserved when reservations grow, so a chunked upload does not check every buffer. */
        private static final long STEP = 1 << 20;

        private long held;
        private long written;
        private boolean closed;

        private Reservation() {
        }

        /**
         * Makes sure {@code total} bytes are held for this file, taking more space if needed.
         *
         * @throws InsufficientStorageException if the node has not that much free
         */
        public synchronized void ensure(long total, boolean exact) {
            if (closed) {
                throw new IllegalStateException("reservation already released");
            }
            if (total <= held) {
                return;
            }
            long wanted = exact ? total : Math.max(total, held + STEP);
            long more = wanted - held;
            long extra = total - held;
            synchronized (Capacity.this) {
                long free = freeBytes();
                if (extra > free) {
                    throw new InsufficientStorageException("this node has " + free + " bytes free, "
                            + "the file needs at least " + extra + " more");
                }
                if (more > free) {
                    more = extra;
                }
                reserved.addAndGet(more);
                outstanding.addAndGet(more);
            }
            held += more;
        }

        /** Records that {@code bytes} more of the reserved space are now on disk. */
        public synchronized void written(long bytes) {
            long counted = Math.min(bytes, held - written);
            written += counted;
            outstanding.addAndGet(-counted);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            reserved.addAndGet(-held);
            outstanding.addAndGet(-(held - written));
        }
    }
}
