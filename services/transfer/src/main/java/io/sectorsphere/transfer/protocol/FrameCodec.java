package io.sectorsphere.transfer.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the frames of the data protocol; one request at a time per connection, so an
 * idle connection can be reused for the next one. All integers are big-endian.
 *
 * <pre>
 * Request, client to server:
 *  0                   1                   2                   3
 *  +-------------------+-------------------+-------------------+-------------------+
 *  |                        magic 0x53545031 ("STP1")                              |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  |     version 1     |        op         |          ticket length (u16)          |
 *  +-------------------+-------------------+---------------------------------------+
 *  |  ticket, base64url ASCII (at most 1024 bytes) ...                             |
 *  +---------------------------------------+---------------------------------------+
 *  |           name length (u16)           |  name, UTF-8 (at most 255 bytes) ...  |
 *  +---------------------------------------+---------------------------------------+
 *  |                            offset (int64)                                     |
 *  |                            length (int64)                                     |
 *  +-------------------+-----------------------------------------------------------+
 *  | digest len (0/32) |  SHA-256 of a pushed file ...                             |
 *  +-------------------+-----------------------------------------------------------+
 *
 * Response, server to client:
 *  +-------------------+-------------------+-------------------+-------------------+
 *  |                        magic 0x53545031 ("STP1")                              |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  |      status       |                 length (int64) ...                        |
 *  +-------------------+---------------------------------------+-------------------+
 *  |  ... length       |        message length (u16)           |  message, UTF-8 ...
 *  +-------------------+---------------------------------------+-------------------+
 *  | digest len (0/32) |  SHA-256 (STAT) ...                                       |
 *  +-------------------+-----------------------------------------------------------+
 *
 * GET:  request -> response OK(length) -> length raw bytes    (or an error response, nothing after)
 * PUT:  request -> response READY -> length raw bytes from the client -> response OK or error
 * STAT: request -> response OK(size, SHA-256)
 * PING: request -> response OK(0)
 * PROBE: request -> response READY -> length raw bytes from the client, dropped -> response OK(length)
 * </pre>
 *
 * Anything that is not such a frame (bad magic or version, unknown op or status, lengths beyond
 * the bounds, a stream that ends inside a frame) is a {@link ProtocolException}; nothing is
 * allocated from a length before it has been checked.
 */
public final class FrameCodec {

    public static final int MAGIC = 0x53545031;
    public static final int VERSION = 1;
    public static final int DIGEST_BYTES = 32;
    public static final int MAX_TICKET_BYTES = 1024;
    public static final int MAX_NAME_BYTES = 255;
    public static final int MAX_MESSAGE_BYTES = 1024;

    private FrameCodec() {
    }

    public static void writeRequest(OutputStream out, Request request) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(128);
        DataOutputStream data = new DataOutputStream(frame);
        data.writeInt(MAGIC);
        data.writeByte(VERSION);
        data.writeByte(request.op().code());
        writeBytes(data, request.ticket().getBytes(StandardCharsets.US_ASCII), MAX_TICKET_BYTES, "ticket");
        writeBytes(data, request.name().getBytes(StandardCharsets.UTF_8), MAX_NAME_BYTES, "name");
        data.writeLong(request.offset());
        data.writeLong(request.length());
        byte[] digest = request.sha256();
        data.writeByte(digest.length);
        data.write(digest);
        frame.writeTo(out);
        out.flush();
    }

    /** The next request, or {@code null} if the stream ends cleanly before one starts. */
    public static Request readRequest(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        FrameReader reader = new FrameReader(in);
        reader.expectMagic(first);
        int version = reader.u8();
        if (version != VERSION) {
            throw new ProtocolException("unsupported version " + version);
        }
        Op op = Op.ofCode(reader.u8());
        String ticket = ascii(reader.bytes(reader.u16(), MAX_TICKET_BYTES, "ticket"));
        String name = utf8(reader.bytes(reader.u16(), MAX_NAME_BYTES, "name"));
        long offset = reader.nonNegative("offset");
        long length = reader.nonNegative("length");
        byte[] digest = reader.digest();
        return new Request(op, ticket, name, offset, length, digest);
    }

    public static void writeResponse(OutputStream out, Response response) throws IOException {
        writeResponseUnflushed(out, response);
        out.flush();
    }

    /**
     * Writes the response without flushing, for a GET whose bytes follow at once: over UDT a flush
     * waits for the peer's acknowledgement, so one flush after the bytes saves a round trip per range.
     */
    public static void writeResponseUnflushed(OutputStream out, Response response) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(64);
        DataOutputStream data = new DataOutputStream(frame);
        data.writeInt(MAGIC);
        data.writeByte(response.status().code());
        data.writeLong(response.length());
        byte[] message = truncatedUtf8(response.message(), MAX_MESSAGE_BYTES);
        data.writeShort(message.length);
        data.write(message);
        byte[] digest = response.sha256();
        data.writeByte(digest.length);
        data.write(digest);
        frame.writeTo(out);
    }

    public static Response readResponse(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed before a response");
        }
        FrameReader reader = new FrameReader(in);
        reader.expectMagic(first);
        Status status = Status.ofCode(reader.u8());
        long length = reader.nonNegative("length");
        String message = utf8(reader.bytes(reader.u16(), MAX_MESSAGE_BYTES, "message"));
        byte[] digest = reader.digest();
        return new Response(status, length, message, digest);
    }

    private static void writeBytes(DataOutputStream data, byte[] bytes, int max, String what) throws IOException {
        if (bytes.length > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " bytes");
        }
        data.writeShort(bytes.length);
        data.write(bytes);
    }

    private static byte[] truncatedUtf8(String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        // Cut on a character boundary so the peer can still decode it.
        int end = max;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }

    private static String ascii(byte[] bytes) throws ProtocolException {
        for (byte b : bytes) {
            if (b < 0x21 || b > 0x7e) {
                throw new ProtocolException("ticket is not printable ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String utf8(byte[] bytes) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("text is not UTF-8");
        }
    }

    /** Reads the fields of one frame; the end of the stream inside a frame is a truncated frame. */
    private static final class FrameReader {

        private final InputStream in;

        FrameReader(InputStream in) {
            this.in = in;
        }

        void expectMagic(int first) throws IOException {
            int magic = (first << 24) | (u8() << 16) | (u8() << 8) | u8();
            if (magic != MAGIC) {
                throw new ProtocolException(String.format("bad magic 0x%08x", magic));
            }
        }

        int u8() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("truncated frame");
            }
            return b;
        }

        int u16() throws IOException {
            return (u8() << 8) | u8();
        }

        long nonNegative(String what) throws IOException {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | u8();
            }
            if (value < 0) {
                throw new ProtocolException(what + " is negative");
            }
            return value;
        }

        byte[] bytes(int length, int max, String what) throws IOException {
            if (length > max) {
                throw new ProtocolException(what + " of " + length + " bytes exceeds " + max);
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new ProtocolException("truncated frame");
            }
            return bytes;
        }

        byte[] digest() throws IOException {
            int length = u8();
            if (length != 0 && length != DIGEST_BYTES) {
                throw new ProtocolException("digest of " + length + " bytes");
            }
            return bytes(length, DIGEST_BYTES, "digest");
        }
    }
}
