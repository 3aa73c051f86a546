package io.sectorsphere.sphere.worker.shuffle;

import io.sectorsphere.sphere.runtime.records.RecordIndex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Joins the accepted parts of a bucket, in the order given, into one file, and their record
 * indexes into its index with each part's offsets shifted to where the part lands.
 */
final class BucketParts {

    /** One attempt's part: its data, and its record index if it has one; a part never sent has no data. */
    record Part(Path data, Path index) {
    }

    private BucketParts() {
    }

    /** @return whether the joined file got a record index (when the parts had them) */
    static boolean join(List<Part> parts, Path target) throws IOException {
        boolean indexed = parts.stream().anyMatch(part -> Files.isRegularFile(part.index()));
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream index = indexed ? new DataOutputStream(new BufferedOutputStream(
                     Files.newOutputStream(RecordIndex.pathFor(target)), 1 << 16)) : null) {
            long position = 0;
            for (Part part : parts) {
                if (!Files.isRegularFile(part.data())) {
                    continue;
                }
                long size = Files.size(part.data());
                if (index != null) {
                    copyIndex(part.index(), position, size, index);
                }
                try (FileChannel in = FileChannel.open(part.data(), StandardOpenOption.READ)) {
                    for (long done = 0; done < size; ) {
                        done += in.transferTo(done, size - done, out);
                    }
                }
                position += size;
            }
            if (index != null) {
                index.writeLong(position);
            }
        }
        return indexed;
    }

    /** Appends a part's record offsets, shifted to where the part lands, all but its closing entry. */
    private static void copyIndex(Path partIndex, long shift, long partSize, DataOutputStream joined) throws IOException {
        if (!Files.isRegularFile(partIndex)) {
            throw new IOException("a bucket part came without its record index: " + partIndex.getFileName());
        }
        long entries = Files.size(partIndex) / Long.BYTES;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(partIndex), 1 << 16))) {
            for (long i = 0; i < entries; i++) {
                long offset = in.readLong();
                if (i < entries - 1) {
                    joined.writeLong(offset + shift);
                } else if (offset != partSize) {
                    throw new IOException("a bucket part's record index does not end at its size");
                }
            }
        }
    }
}
