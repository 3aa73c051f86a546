package io.sectorsphere.transfer.protocol;

import java.util.Objects;

/**
 * One request on a data connection.
 *
 * @param op     what is asked
 * @param ticket the encoded ticket, empty for PING
 * @param name   the file name, empty for PING
 * @param offset the first byte (GET), 0 otherwise
 * @param length bytes to read (GET), to push (PUT) or to send and have dropped (PROBE), 0 otherwise
 * @param sha256 the pushed file's SHA-256 (PUT), empty otherwise
 */
public record Request(Op op, String ticket, String name, long offset, long length, byte[] sha256) {

    /** The most a PROBE may send: a few seconds of a slow path. */
    public static final long MAX_PROBE_BYTES = 16L << 20;

    public Request {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        if (sha256.length != 0 && sha256.length != FrameCodec.DIGEST_BYTES) {
            throw new IllegalArgumentException("a digest is " + FrameCodec.DIGEST_BYTES + " bytes");
        }
        sha256 = sha256.clone();
    }

    public static Request get(String ticket, String name, long offset, long length) {
        return new Request(Op.GET, ticket, name, offset, length, new byte[0]);
    }

    public static Request put(String ticket, String name, long length, byte[] sha256) {
        return new Request(Op.PUT, ticket, name, 0, length, sha256);
    }

    public static Request stat(String ticket, String name) {
        return new Request(Op.STAT, ticket, name, 0, 0, new byte[0]);
    }

    public static Request probe(long length) {
        return new Request(Op.PROBE, "", "", 0, length, new byte[0]);
    }

    public static Request ping() {
        return new Request(Op.PING, "", "", 0, 0, new byte[0]);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
