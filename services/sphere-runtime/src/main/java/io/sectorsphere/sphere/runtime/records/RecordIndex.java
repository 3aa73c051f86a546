package io.sectorsphere.sphere.runtime.records;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A data file's record index, the file {@code <data>.idx} beside it: big-endian int64 offsets, one
 * per record plus one, the first 0 and the last the data file's size (Sector's index layout).
 *
 * <pre>
 *   0        8        16            8·n      8·(n+1)
 *   +--------+--------+---- ... ----+--------+
 *   |   0    |  off1  |             |  size  |     n records, n + 1 offsets
 *   +--------+--------+---- ... ----+--------+
 * </pre>
 *
 * Opening checks the ends; a reader checks each record's length as it goes. Lookups read the file
 * (it can be large: 8 bytes per record), so nothing is held in memory.
 */
public final class RecordIndex implements Closeable {

    static final VarHandle LONG_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path path;
    private final FileChannel channel;
    private final long records;
    private final ByteBuffer entry = ByteBuffer.allocate(Long.BYTES);

    private RecordIndex(Path path, FileChannel channel, long records) {
        this.path = path;
        this.channel = channel;
        this.records = records;
    }

    /** Where the index of {@code dataFile} lives. */
    public static Path pathFor(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".idx");
    }

    /** Opens and checks the index of a data file of {@code dataSize} bytes. */
    public static RecordIndex open(Path dataFile, long dataSize) throws IOException {
        Path path = pathFor(dataFile);
        if (!Files.isRegularFile(path)) {
            throw new IOException(dataFile + " has no record index " + path.getFileName());
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long bytes = channel.size();
            if (bytes < Long.BYTES || bytes % Long.BYTES != 0) {
                throw new IOException("record index " + path + " is " + bytes
                        + " bytes, not a whole number of 8-byte offsets (at least one)");
            }
            RecordIndex index = new RecordIndex(path, channel, bytes / Long.BYTES - 1);
            long first = index.offsetOf(0);
            long last = index.offsetOf(index.records);
            if (first != 0 || last != dataSize) {
                throw new IOException("record index " + path + " runs from " + first + " to " + last
                        + " but must run from 0 to the data file's size " + dataSize);
            }
            return index;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long recordCount() {
        return records;
    }

    /** The byte offset where record {@code record} starts ({@code recordCount()} gives the data size). */
    public long offsetOf(long record) throws IOException {
        if (record < 0 || record > records) {
            throw new IndexOutOfBoundsException("record " + record + " of " + records + " in " + path);
        }
        entry.clear();
        long at = record * Long.BYTES;
        while (entry.hasRemaining()) {
            if (channel.read(entry, at + entry.position()) < 0) {
                throw new IOException(path + " ended while reading offset " + record);
            }
        }
        return entry.getLong(0);
    }

    /** The first record whose start is at or after {@code position} ({@code recordCount()} if none). */
    public long firstRecordAtOrAfter(long position) throws IOException {
        long low = 0;
        long high = records;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (offsetOf(middle) < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
