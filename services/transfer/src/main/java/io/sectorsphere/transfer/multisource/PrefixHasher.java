package io.sectorsphere.transfer.multisource;

import io.sectorsphere.common.io.WriteBehind;
import io.sectorsphere.transfer.server.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a file being downloaded in pieces while the download runs: it follows the prefix that is
 * already whole (ranges arrive out of order) and reads it back from the page cache, so the SHA-256
 * of the whole file is ready moments after its last byte instead of one more pass later. What it
 * hashed it counts towards a {@link WriteBehind}, so the file goes to disk behind the download
 * rather than all after its last byte.
 */
final class PrefixHasher implements Runnable {

    private static final int BUFFER = 1 << 20;

    private final RangePlanner planner;
    private final FileChannel file;
    private final long size;
    private final WriteBehind writeBehind;
    private final MessageDigest sha256 = Digests.sha256();
    private volatile long hashed;
    private volatile IOException failure;

    PrefixHasher(RangePlanner planner, FileChannel file, long size, WriteBehind writeBehind) {
        this.planner = planner;
        this.file = file;
        this.size = size;
        this.writeBehind = writeBehind;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (hashed < size) {
                long whole = planner.awaitWrittenBeyond(hashed);
                if (whole <= hashed) {
                    return; // the download ended without the rest
                }
                hash(whole, buffer);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hash(long until, ByteBuffer buffer) throws IOException {
        long position = hashed;
        while (position < until) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), until - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("the staged file ended at " + position + " of " + until + " bytes");
            }
            buffer.flip();
            sha256.update(buffer);
            position += n;
        }
        writeBehind.written(position - hashed);
        hashed = position;
    }

    /** The SHA-256 of the whole file in lower-case hex; call after the thread ended with everything hashed. */
    String hex() {
        if (failure != null) {
            throw new UncheckedIOException("cannot read back the staged file", failure);
        }
        if (hashed != size) {
            throw new IllegalStateException("hashed " + hashed + " of " + size + " bytes");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
