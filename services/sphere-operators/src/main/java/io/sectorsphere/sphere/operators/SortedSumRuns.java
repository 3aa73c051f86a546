package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Output;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Key sums spilled to disk as sorted runs of {@code key\tsum} lines, and the merge that adds up
 * each key across the runs and what is still in memory, writing every key once in key order.
 */
final class SortedSumRuns implements Closeable {

    private final Path directory;
    private final List<Path> runs = new ArrayList<>();

    SortedSumRuns(Path directory) {
        this.directory = directory;
    }

    void spill(Map<String, long[]> sums) throws IOException {
        Path run = Files.createTempFile(directory, "sum-run-", ".txt");
        runs.add(run);
        try (BufferedWriter writer = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, long[]> entry : sorted(sums)) {
                writer.write(entry.getKey());
                writer.write('\t');
                writer.write(Long.toString(entry.getValue()[0]));
                writer.write('\n');
            }
        }
    }

    /** Writes the merged sums of every run and of {@code sums}, the keys in order. */
    void writeMerged(Map<String, long[]> sums, Output output) throws IOException {
        if (runs.isEmpty()) {
            for (Map.Entry<String, long[]> entry : sorted(sums)) {
                output.writeLine(entry.getKey() + "\t" + entry.getValue()[0]);
            }
            return;
        }
        spill(sums);
        List<BufferedReader> readers = new ArrayList<>();
        try {
            PriorityQueue<RunHead> heads = new PriorityQueue<>(Comparator.comparing(RunHead::key));
            for (Path run : runs) {
                BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                readers.add(reader);
                RunHead.read(reader).ifPresent(heads::add);
            }
            while (!heads.isEmpty()) {
                String key = heads.peek().key();
                long sum = 0;
                while (!heads.isEmpty() && heads.peek().key().equals(key)) {
                    RunHead head = heads.poll();
                    sum = Math.addExact(sum, head.sum());
                    RunHead.read(head.reader()).ifPresent(heads::add);
                }
                output.writeLine(key + "\t" + sum);
            }
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
    }

    private static List<Map.Entry<String, long[]>> sorted(Map<String, long[]> sums) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }

    /** The next line of one run. */
    private record RunHead(String key, long sum, BufferedReader reader) {

        static Optional<RunHead> read(BufferedReader reader) throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return Optional.empty();
            }
            int tab = line.lastIndexOf('\t');
            return Optional.of(new RunHead(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), reader));
        }
    }
}
