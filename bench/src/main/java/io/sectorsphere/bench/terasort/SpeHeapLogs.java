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
 * the peak since the previous one, and an element that exits logs each generation's use
 * ({@code DefNew total 116160K, used 58651K}), the peak since its last collection. So the larger of
 * the two is the element's peak, exact up to what it held when it last allocated. An element with
 * few allocations may never collect, hence the exit lines: read the logs once the cluster has stopped.
 * A worker's figure is the sum of its elements' peaks, an upper bound of what they held at once; the
 * worker's own Spring context is not in it (in this bench it shares one JVM with the other nodes' services).
 */
final class SpeHeapLogs {

    /**
     * Every collection, and the heap at exit, into {@code gc-PID.log}: relative, so each element's log
     * lands in its own working directory. Two options rather than {@code gc,gc+exit}, as a comma would
     * split a Spring list property; the JVM combines selections for one file.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xlog:gc:file=gc-%p.log", "-Xlog:gc+exit:file=gc-%p.log");
    private static final Pattern HEAP_BEFORE = Pattern.compile("\\s(\\d+)M->\\d+M\\(\\d+M\\)");
    private static final Pattern GENERATION_AT_EXIT = Pattern.compile("\\[gc,exit\\s*].*\\stotal \\d+K, used (\\d+)K");

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
        long peakMib = 0;
        long atExitKib = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher heap = HEAP_BEFORE.matcher(line);
            if (heap.find()) {
                peakMib = Math.max(peakMib, Long.parseLong(heap.group(1)));
            }
            Matcher generation = GENERATION_AT_EXIT.matcher(line);
            if (generation.find()) {
                atExitKib += Long.parseLong(generation.group(1));
            }
        }
        return Math.max(peakMib, atExitKib >> 10);
    }
}
