package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Records;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input unit over bytes held in memory, cut into records the way the runtime cuts them (lines
 * keep their line break); the records sit at their offsets in one shared array, as a real
 * cursor's do.
 */
final class TestInput implements Input {

    private final String fileName;
    private final long offset;
    private final byte[] data;
    private final int[] starts;
    private final Path localFile;
    private final String readFailure;

    private TestInput(String fileName, long offset, byte[] data, int[] starts, Path localFile, String readFailure) {
        this.fileName = fileName;
        this.offset = offset;
        this.data = data;
        this.starts = starts;
        this.localFile = localFile;
        this.readFailure = readFailure;
    }

    private TestInput(String fileName, long offset, byte[] data, int[] starts, Path localFile) {
        this(fileName, offset, data, starts, localFile, null);
    }

    /** A unit whose records cannot be read: {@link #records()} throws with {@code message}. */
    static TestInput unreadable(String fileName, String message) {
        return new TestInput(fileName, 0, new byte[0], new int[] {0}, null, message);
    }

    static TestInput lines(String fileName, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            if (i == 0 || data[i - 1] == '\n') {
                starts.add(i);
            }
        }
        starts.add(data.length);
        return new TestInput(fileName, 0, data, starts.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    static TestInput fixed(String fileName, long offset, byte[] data, int recordSize) {
        int[] starts = new int[data.length / recordSize + 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i * recordSize;
        }
        return new TestInput(fileName, offset, data, starts, null);
    }

    /** A whole-file unit whose function reads the file itself. */
    static TestInput file(String fileName, Path localFile, byte[] data, int recordSize) {
        TestInput records = fixed(fileName, 0, data, recordSize);
        return new TestInput(fileName, 0, data, records.starts, localFile);
    }

    static byte[] concat(List<byte[]> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        records.forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public long length() {
        return data.length;
    }

    @Override
    public long firstRecord() {
        return -1;
    }

    @Override
    public Records records() throws IOException {
        if (readFailure != null) {
            throw new IOException(readFailure);
        }
        return new Records() {
            private int record = -1;

            @Override
            public boolean next() {
                if (record + 1 >= starts.length - 1) {
                    return false;
                }
                record++;
                return true;
            }

            @Override
            public byte[] buffer() {
                return data;
            }

            @Override
            public int offset() {
                return starts[record];
            }

            @Override
            public int length() {
                return starts[record + 1] - starts[record];
            }
        };
    }

    @Override
    public Path localFile() {
        if (localFile == null) {
            throw new IllegalStateException("this test unit has no local file");
        }
        return localFile;
    }

    @Override
    public long resumePosition() {
        return 0;
    }
}
