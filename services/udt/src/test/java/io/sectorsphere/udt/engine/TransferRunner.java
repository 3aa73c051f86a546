package io.sectorsphere.udt.engine;

import io.sectorsphere.udt.UdtSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Test helper: pseudo-random data written and read with SHA-256 digests. */
final class TransferRunner {

    private TransferRunner() {
    }

    /** Writes {@code bytes} of data drawn from {@code seed}; returns its SHA-256. */
    static String send(UdtSocket socket, long bytes, long seed) throws IOException {
        MessageDigest digest = sha256();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[64 * 1024];
        OutputStream out = socket.outputStream();
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            fill(random, block, n);
            digest.update(block, 0, n);
            out.write(block, 0, n);
            left -= n;
        }
        out.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads exactly {@code bytes}; returns their SHA-256. */
    static String receive(UdtSocket socket, long bytes) throws IOException {
        MessageDigest digest = sha256();
        byte[] block = new byte[64 * 1024];
        InputStream in = socket.inputStream();
        long left = bytes;
        while (left > 0) {
            int n = in.read(block, 0, (int) Math.min(block.length, left));
            if (n < 0) {
                throw new IOException("stream ended with " + left + " bytes missing");
            }
            digest.update(block, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void fill(SplittableRandom random, byte[] block, int n) {
        for (int i = 0; i < n; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                block[i + j] = (byte) (value >>> (8 * j));
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
