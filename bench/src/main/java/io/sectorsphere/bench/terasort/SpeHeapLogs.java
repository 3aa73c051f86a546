package io.sectorsphere.bench.terasort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a worker's processing elements (the child JVMs its operators run in), read from their
 * GC logs: each collection logs the heap before it ({@code Pause Young (Allocation Failure) 60M->10M(256M)}),
 * which is the peak since the previous one. A worker's figure is the sum of its elements' peaks, an
 * upper bound of what they held at once; the worker's own Spring context is not in it (in this
 * bench it shares the cluster's JVM with the other nodes' services).
 */
final class SpeHeapLogs {

    /** Relative, so each element's log lands in its own working directory; {@code %p} is its pid. */
    static final String FILE_PATTERN = "gc-%p.log";
    private static final Pattern HEAP_BEFORE = Pattern.compile("\\s(\\d+)M->\\d+M\\(\\d+M\\)");

    private SpeHeapLogs() {
    }

    /** The largest, over the workers, of the sum of their elements' peak heaps, in MiB; 0 without logs. */
    static long peakWorkerMib(List<Path> elementDirectories) {
        long peak = 0;
        for (Path directory : elementDirectories) {
            peak = Math.max(peak, sumOfPeaks(directory));
        }
        return peak;
    }

    private static long sumOfPeaks(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long sum = 0;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(directory, "gc-*.log")) {
            for (Path log : logs) {
                sum += peakMib(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GC logs in " + directory, e);
        }
        return sum;
    }

    private static long peakMib(Path log) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher heap = HEAP_BEFORE.matcher(line);
            if (heap.find()) {
                peak = Math.max(peak, Long.parseLong(heap.group(1)));
            }
        }
        return peak;
    }
}
