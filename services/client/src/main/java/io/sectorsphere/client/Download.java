package io.sectorsphere.client;

import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.io.BackgroundSha256;
import io.sectorsphere.common.io.WriteBehind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a file's content and checks it against the SHA-256 of its record. A download to a file
 * goes to {@code <target>.part} first and is renamed to the target only once complete and verified,
 * so the target name never holds a partial or corrupt file; a broken-off download leaves the part
 * behind for a resume, which continues with {@code Range: bytes=<part length>-}.
 *
 * <p>The bytes are hashed on a thread of their own while this one writes them, and the part is
 * forced to disk behind the writer ({@link WriteBehind}): hashing in line and one force after the
 * last byte made a 1 GiB {@code sector get} take about twice as long as {@code curl -o}.
 */
final class Download {

    /** Bytes per read, write and hand-over to the hashing thread. */
    private static final int BUFFER = 1 << 20;
    private static final int BUFFERS = 4;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-\\d{1,18}/(?:\\d{1,18}|\\*)");

    private final HttpTransport transport;

    Download(HttpTransport transport) {
        this.transport = transport;
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    void toFile(String what, URI content, FileMeta meta, Path target, boolean resume, TransferListener listener)
            throws IOException {
        String expected = requireSha256(what, meta.checksum());
        Path part = partOf(target);
        if (!resume) {
            Files.deleteIfExists(part);
        }
        // A part longer than the file, or one the node cannot continue (416), is from another
        // version of the file: it is dropped and the download starts over, once.
        Optional<byte[]> digest = fetchInto(what, content, meta, part, listener);
        if (digest.isEmpty()) {
            Files.deleteIfExists(part);
            digest = fetchInto(what, content, meta, part, listener);
            if (digest.isEmpty()) {
                throw new SectorException(what + ": the node cannot serve the file from its start", 416);
            }
        }
        String actual = Sha256.checksum(digest.get());
        if (!actual.equalsIgnoreCase(expected)) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(meta.name(), expected, actual);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Streams the content to {@code out}, then verifies it: a mismatch is reported after the bytes went out. */
    void toStream(String what, URI content, FileMeta meta, OutputStream out) throws IOException {
        String expected = requireSha256(what, meta.checksum());
        HttpResponse<InputStream> response = transport.send(transport.request(content).GET().build(), what);
        if (response.statusCode() != 200) {
            HttpTransport.discard(response.body());
            throw new SectorException(what + ": unexpected status for a whole file", response.statusCode());
        }
        byte[] digest;
        try (BackgroundSha256 hash = newHash()) {
            copy(what, response.body(), (buffer, length) -> out.write(buffer, 0, length), hash, 0, meta.size(),
                    TransferListener.NONE);
            out.flush();
            digest = hash.digest();
        }
        String actual = Sha256.checksum(digest);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ChecksumMismatchException(meta.name(), expected, actual);
        }
    }

    /**
     * Completes {@code part} from its current length.
     *
     * @return the SHA-256 of the whole part, or empty if the part does not belong to this file and must be dropped
     */
    private Optional<byte[]> fetchInto(String what, URI content, FileMeta meta, Path part, TransferListener listener)
            throws IOException {
        long offset = Files.exists(part) ? Files.size(part) : 0;
        if (offset > meta.size()) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
             BackgroundSha256 hash = newHash();
             WriteBehind writeBehind = new WriteBehind(channel)) {
            listener.progress(offset, meta.size());
            long start = 0;
            HttpResponse<InputStream> response = null;
            if (offset < meta.size()) {
                HttpRequest.Builder request = transport.request(content).GET();
                if (offset > 0) {
                    request.header("Range", "bytes=" + offset + "-");
                }
                response = transport.send(request.build(), what,
                        status -> status == 200 || status == 206 || status == 416);
                if (response.statusCode() == 416) {
                    HttpTransport.discard(response.body());
                    return Optional.empty();
                }
                start = response.statusCode() == 206 ? contentRangeStart(what, response, offset) : 0;
            } else {
                start = offset;
            }
            if (start < offset) {
                // The node ignored the range and sent everything: what the part holds is redone.
                channel.truncate(0);
            }
            hashPrefix(channel, start, hash);
            if (response != null) {
                channel.position(start);
                copy(what, response.body(), (buffer, length) -> {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    writeBehind.written(length);
                }, hash, start, meta.size(), listener);
            }
            writeBehind.finish();
            return Optional.of(hash.digest());
        }
    }

    /** Hashes the first {@code length} bytes of the part, which a resumed download keeps. */
    private static void hashPrefix(FileChannel channel, long length, BackgroundSha256 hash) throws IOException {
        long position = 0;
        while (position < length) {
            byte[] buffer = hash.buffer();
            ByteBuffer into = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, length - position));
            while (into.hasRemaining()) {
                if (channel.read(into, position + into.position()) < 0) {
                    hash.hash(buffer, 0);
                    throw new IOException("the part ended before byte " + length);
                }
            }
            hash.hash(buffer, into.position());
            position += into.position();
        }
    }

    /** The start of a partial answer, which must be where the part ends. */
    private static long contentRangeStart(String what, HttpResponse<InputStream> response, long offset) {
        String header = response.headers().firstValue("Content-Range").orElse("");
        Matcher matcher = CONTENT_RANGE.matcher(header);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != offset) {
            HttpTransport.discard(response.body());
            throw new SectorException(what + ": asked for bytes from " + offset + ", got Content-Range '" + header
                    + "'", 206);
        }
        return offset;
    }

    /** Where {@link #copy} puts the bytes it read. */
    private interface Sink {
        void write(byte[] buffer, int length) throws IOException;
    }

    /**
     * Copies until the end of {@code in}, handing each buffer to {@code hash} before writing it;
     * a failure to read is the network's, a failure to write is local. What arrived before a read
     * failed is written all the same, for a resume to go on from.
     */
    private static void copy(String what, InputStream in, Sink out, BackgroundSha256 hash, long done,
                             long total, TransferListener listener) throws IOException {
        try (in) {
            boolean ended = false;
            while (!ended) {
                byte[] buffer = hash.buffer();
                int n = 0;
                IOException broken = null;
                try {
                    while (n < buffer.length) {
                        int read = in.read(buffer, n, buffer.length - n);
                        if (read < 0) {
                            ended = true;
                            break;
                        }
                        n += read;
                    }
                } catch (IOException e) {
                    broken = e;
                }
                hash.hash(buffer, n);
                if (n > 0) {
                    out.write(buffer, n);
                    done += n;
                    listener.progress(done, total);
                }
                if (broken != null) {
                    throw new UnavailableException(what + ": the download broke off after " + done + " bytes: "
                            + broken.getMessage(), 0, broken);
                }
            }
        }
    }

    private static BackgroundSha256 newHash() {
        return new BackgroundSha256(BUFFER, BUFFERS, "download-hash");
    }

    private static String requireSha256(String what, String checksum) {
        if (checksum == null || !checksum.regionMatches(true, 0, Sha256.PREFIX, 0, Sha256.PREFIX.length())) {
            throw new SectorException(what + ": the record has no SHA-256 checksum to verify the content against: "
                    + checksum, 0);
        }
        return checksum;
    }
}
