package io.sectorsphere.transfer.multisource;

import io.sectorsphere.common.io.WriteBehind;
import io.sectorsphere.transfer.client.DataClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads one file from several replicas at once (seeds 000 §4, 003): every source runs on a
 * thread of its own and asks a {@link RangePlanner} for its next range, sized by the rate it has
 * shown so far, so the sources finish together whatever their speeds. A failed source is dropped and
 * the unfetched rest of its range goes to the others. The file is written into a staging file,
 * hashed as its whole prefix grows ({@link PrefixHasher}), verified against its SHA-256 and only
 * then moved into place. On a failure the staging file is removed, or, for a resumable download,
 * cut to the prefix that is whole, which the next attempt goes on from.
 */
public final class MultiSourceDownload {

    /**
     * @param rangeTime      how long one range should take a source at its measured rate
     * @param firstRange     the range a source gets before its rate is known
     * @param minRange       the smallest range handed out
     * @param maxRange       the largest range handed out
     */
    public record Settings(Duration rangeTime, long firstRange, long minRange, long maxRange) {

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(500), 1 << 20, 256 << 10, 64 << 20);
        }
    }

    /** Weight of the newest range in a source's rate. */
    private static final double RATE_WEIGHT = 0.5;

    private final DataClient client;
    private final Settings settings;

    public MultiSourceDownload(DataClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    public DownloadReport download(DownloadRequest request) throws IOException {
        long start = System.nanoTime();
        Path staged = request.partial() != null ? request.partial()
                : Files.createTempFile(request.staging(), "download-", ".part");
        long present = request.partial() != null && Files.isRegularFile(staged)
                ? Math.min(Files.size(staged), request.size()) : 0;
        RangePlanner planner = new RangePlanner(request.size(), settings.minRange(), settings.maxRange(), present);
        boolean keepPrefix = request.partial() != null;
        try {
            List<SourceReport> reports;
            PrefixHasher hasher;
            try (RandomAccessFile file = new RandomAccessFile(staged.toFile(), "rw");
                 WriteBehind writeBehind = new WriteBehind(file.getChannel())) {
                file.setLength(request.size());
                request.progress().accept(present);
                hasher = new PrefixHasher(planner, file.getChannel(), request.size(), writeBehind);
                Thread hashing = Thread.ofVirtual().name("download-hash-" + request.name()).start(hasher);
                try {
                    reports = fetchAll(request, planner, file.getChannel(), start);
                } finally {
                    planner.close();
                    joinHasher(hashing, request.name());
                }
                writeBehind.finish();
            }
            if (!planner.complete()) {
                throw new DownloadFailedException("every source of " + request.name() + " failed after "
                        + planner.completedBytes() + " of " + request.size() + " bytes", reports);
            }
            String actual = hasher.hex();
            if (!actual.equals(request.sha256())) {
                // Whatever was kept from before may be what is wrong: the next attempt starts over.
                keepPrefix = false;
                throw new DownloadFailedException("the bytes of " + request.name() + " have SHA-256 " + actual
                        + ", not " + request.sha256(), reports);
            }
            Path placed = request.publish().moveIntoPlace(staged);
            return new DownloadReport(placed, request.size(), System.nanoTime() - start, reports, present);
        } finally {
            if (keepPrefix && Files.isRegularFile(staged)) {
                // Only the part that is whole from the start can be resumed: cut the file there.
                try (FileChannel file = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                    file.truncate(planner.writtenPrefix());
                }
            } else {
                Files.deleteIfExists(staged);
            }
        }
    }

    private static void joinHasher(Thread hashing, String name) throws InterruptedIOException {
        try {
            hashing.join();
        } catch (InterruptedException e) {
            hashing.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + name + " interrupted");
        }
    }

    private List<SourceReport> fetchAll(DownloadRequest request, RangePlanner planner, FileChannel target,
                                        long start) throws IOException {
        AtomicInteger active = new AtomicInteger(request.sources().size());
        List<SourceWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Source source : request.sources()) {
            SourceWorker worker = new SourceWorker(source, request, planner, target, active, start);
            workers.add(worker);
            threads.add(Thread.ofVirtual().name("download-" + source.label()).start(worker));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + request.name() + " interrupted");
        }
        return workers.stream().map(SourceWorker::report).toList();
    }

    /** Fetches ranges from one source until none are left or the source fails. */
    private final class SourceWorker implements Runnable {

        private final Source source;
        private final DownloadRequest request;
        private final RangePlanner planner;
        private final FileChannel target;
        private final AtomicInteger active;
        private final long start;
        private long bytes;
        private int ranges;
        private double bytesPerSecond;
        private long finishedAt;
        private String failure;

        SourceWorker(Source source, DownloadRequest request, RangePlanner planner, FileChannel target,
                     AtomicInteger active, long start) {
            this.source = source;
            this.request = request;
            this.planner = planner;
            this.target = target;
            this.active = active;
            this.start = start;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long preferred = bytesPerSecond == 0 ? settings.firstRange()
                            : (long) (bytesPerSecond * settings.rangeTime().toNanos() / 1e9);
                    var next = planner.next(preferred, active.get());
                    if (next.isEmpty()) {
                        break;
                    }
                    if (!fetch(next.get())) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                failure = "interrupted";
                active.decrementAndGet();
            }
            if (finishedAt == 0) {
                finishedAt = System.nanoTime();
            }
        }

        private boolean fetch(ByteRange range) {
            AtomicLong done = new AtomicLong();
            long began = System.nanoTime();
            try {
                client.read(source.transport(), source.address(), request.ticket(), request.name(),
                        range.offset(), range.length(), target, range.offset(), request.limiter(), written -> {
                            done.addAndGet(written);
                            request.progress().accept(written);
                        });
            } catch (IOException | RuntimeException e) {
                failure = e.toString();
                finishedAt = System.nanoTime();
                bytes += done.get();
                active.decrementAndGet();
                planner.failed(range, done.get());
                return false;
            }
            long elapsed = Math.max(1, System.nanoTime() - began);
            double rate = range.length() * 1e9 / elapsed;
            bytesPerSecond = bytesPerSecond == 0 ? rate : RATE_WEIGHT * rate + (1 - RATE_WEIGHT) * bytesPerSecond;
            bytes += range.length();
            ranges++;
            // Its last byte, not when it stopped waiting for the others' ranges: what "finish together" means.
            finishedAt = System.nanoTime();
            planner.completed(range);
            return true;
        }

        SourceReport report() {
            return new SourceReport(source.label(), source.transport().name(), bytes, ranges, finishedAt - start,
                    failure);
        }
    }
}
