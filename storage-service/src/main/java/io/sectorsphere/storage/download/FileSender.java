package io.sectorsphere.storage.download;

import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.metrics.StorageMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Sends a file held here: conditional requests ({@code If-None-Match}, {@code If-Modified-Since})
 * answered with 304, a single {@code Range} with 206 (guarded by {@code If-Range}), the whole file
 * otherwise. The ETag is the quoted SHA-256; {@code Repr-Digest} carries it for RFC 9530 clients.
 * Bytes are copied through one fixed buffer, so memory does not depend on file size.
 */
@Component
public class FileSender {

    private static final Logger log = LoggerFactory.getLogger(FileSender.class);
    static final int BUFFER = 64 * 1024;

    private final StorageMetrics metrics;

    FileSender(StorageMetrics metrics) {
        this.metrics = metrics;
    }

    /** The strong ETag of a file: its SHA-256 in quotes. */
    public static String etag(LocalFile file) {
        return "\"" + file.sha256() + "\"";
    }

    /**
     * @param file a record whose checksum is known
     * @param channel the open file; closed by the caller
     */
    public void send(LocalFile file, FileChannel channel, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String etag = etag(file);
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(file.mtime().atZone(ZoneOffset.UTC));
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.LAST_MODIFIED, lastModified);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader("Repr-Digest", "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        if (notModified(request, file, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        ByteRange.Request range = rangeApplies(request, etag, lastModified)
                ? ByteRange.of(request.getHeader(HttpHeaders.RANGE), file.size()) : new ByteRange.Whole();
        long first = 0;
        long length = file.size();
        switch (range) {
            case ByteRange.Unsatisfiable ignored -> {
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size());
                response.setContentLengthLong(0);
                return;
            }
            case ByteRange.Partial partial -> {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, partial.range().contentRange(file.size()));
                first = partial.range().first();
                length = partial.range().length();
            }
            case ByteRange.Whole ignored -> response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentLengthLong(length);
        if (!"HEAD".equals(request.getMethod())) {
            copy(channel, first, length, response);
        }
    }

    /** Copies {@code length} bytes from {@code first}; a client that goes away ends it quietly. */
    public void copy(FileChannel channel, long first, long length, HttpServletResponse response) throws IOException {
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IOException e) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = first;
        long end = first + length;
        long sent = 0;
        try {
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    // Truncated by hand while being sent: fail the response rather than pad it.
                    throw new UncheckedIOException(new IOException("file shrank while being sent"));
                }
                try {
                    out.write(buffer.array(), 0, n);
                } catch (IOException e) {
                    log.debug("client went away after {} bytes: {}", sent, e.toString());
                    return;
                }
                position += n;
                sent += n;
            }
            try {
                out.flush();
            } catch (IOException e) {
                log.debug("client went away at the end: {}", e.toString());
            }
        } finally {
            metrics.read(sent);
        }
    }

    private static boolean notModified(HttpServletRequest request, LocalFile file, String etag) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
                return file.mtime().getEpochSecond() <= since.toEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** A Range counts unless an If-Range names another version (strong ETag or exact date). */
    private static boolean rangeApplies(HttpServletRequest request, String etag, String lastModified) {
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        return ifRange == null || ifRange.strip().equals(etag) || ifRange.strip().equals(lastModified);
    }
}
