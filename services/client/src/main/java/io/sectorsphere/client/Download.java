package io.sectorsphere.client;

import io.sectorsphere.common.file.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a file's content and checks it against the SHA-256 of its record. A download to a file
 * goes to {@code <target>.part} first and is renamed to the target only once complete and verified,
 * so the target name never holds a partial or corrupt file; a broken-off download leaves the part
 * behind for a resume, which continues with {@code Range: bytes=<part length>-}.
 */
final class Download {

    private static final int BUFFER = 64 * 1024;
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
        MessageDigest digest = Sha256.newDigest();
        // A part longer than the file, or one the node cannot continue (416), is from another
        // version of the file: it is dropped and the download starts over, once.
        if (!fetchInto(what, content, meta, part, digest, listener)) {
            Files.deleteIfExists(part);
            digest.reset();
            if (!fetchInto(what, content, meta, part, digest, listener)) {
                throw new SectorException(what + ": the node cannot serve the file from its start", 416);
            }
        }
        String actual = Sha256.checksum(digest.digest());
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
        MessageDigest digest = Sha256.newDigest();
        copy(what, response.body(), out, digest, 0, meta.size(), TransferListener.NONE);
        out.flush();
        String actual = Sha256.checksum(digest.digest());
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ChecksumMismatchException(meta.name(), expected, actual);
        }
    }

    /**
     * Completes {@code part} from its current length, adding everything in it to {@code digest}.
     *
     * @return false if the part does not belong to this file and must be dropped
     */
    private boolean fetchInto(String what, URI content, FileMeta meta, Path part, MessageDigest digest,
                              TransferListener listener) throws IOException {
        long offset = Files.exists(part) ? Files.size(part) : 0;
        if (offset > meta.size()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Sha256.update(digest, part, offset);
            listener.progress(offset, meta.size());
            if (offset < meta.size()) {
                HttpRequest.Builder request = transport.request(content).GET();
                if (offset > 0) {
                    request.header("Range", "bytes=" + offset + "-");
                }
                HttpResponse<InputStream> response = transport.send(request.build(), what,
                        status -> status == 200 || status == 206 || status == 416);
                if (response.statusCode() == 416) {
                    HttpTransport.discard(response.body());
                    return false;
                }
                long start = response.statusCode() == 206 ? contentRangeStart(what, response, offset) : 0;
                if (start < offset) {
                    // The node ignored the range and sent everything: what the part holds is redone.
                    digest.reset();
                    channel.truncate(0);
                }
                channel.position(start);
                copy(what, response.body(), Channels.newOutputStream(channel), digest, start, meta.size(), listener);
            }
            channel.force(true);
        }
        return true;
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

    /** Copies until the end of {@code in}; a failure to read is the network's, a failure to write is local. */
    private static void copy(String what, InputStream in, OutputStream out, MessageDigest digest, long done,
                             long total, TransferListener listener) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (in) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new UnavailableException(what + ": the download broke off after " + done + " bytes: "
                            + e.getMessage(), 0, e);
                }
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                done += n;
                listener.progress(done, total);
            }
        }
    }

    private static String requireSha256(String what, String checksum) {
        if (checksum == null || !checksum.regionMatches(true, 0, Sha256.PREFIX, 0, Sha256.PREFIX.length())) {
            throw new SectorException(what + ": the record has no SHA-256 checksum to verify the content against: "
                    + checksum, 0);
        }
        return checksum;
    }
}
