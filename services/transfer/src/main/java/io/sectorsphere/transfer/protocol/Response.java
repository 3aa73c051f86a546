package io.sectorsphere.transfer.protocol;

import java.util.Objects;

/**
 * The answer to one request.
 *
 * @param status  the outcome
 * @param length  for GET the bytes that follow, for STAT the file's size, 0 otherwise
 * @param message why, for people, when the status is an error
 * @param sha256  for STAT the file's SHA-256, empty otherwise
 */
public record Response(Status status, long length, String message, byte[] sha256) {

    public Response {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sha256, "sha256");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        if (sha256.length != 0 && sha256.length != FrameCodec.DIGEST_BYTES) {
            throw new IllegalArgumentException("a digest is " + FrameCodec.DIGEST_BYTES + " bytes");
        }
        sha256 = sha256.clone();
    }

    public static Response ok(long length) {
        return new Response(Status.OK, length, "", new byte[0]);
    }

    public static Response stat(long size, byte[] sha256) {
        return new Response(Status.OK, size, "", sha256);
    }

    public static Response ready() {
        return new Response(Status.READY, 0, "", new byte[0]);
    }

    public static Response error(Status status, String message) {
        return new Response(status, 0, message, new byte[0]);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
