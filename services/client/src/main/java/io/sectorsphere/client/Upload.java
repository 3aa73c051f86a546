package io.sectorsphere.client;

import io.sectorsphere.common.file.FileEntry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads a file: hashes it first so the request can carry its {@code Content-Digest} (the node
 * keeps the file only if the bytes it received match), then streams it with its exact length.
 */
final class Upload {

    private final HttpTransport transport;
    private final String authorization;

    Upload(HttpTransport transport, String authorization) {
        this.transport = transport;
        this.authorization = authorization;
    }

    FileEntry send(String what, URI uri, Path file, TransferListener listener) throws IOException {
        long size = Files.size(file);
        byte[] sha256 = Sha256.of(file);
        HttpRequest.Builder request = transport.untimedRequest(uri)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Digest", Sha256.contentDigest(sha256))
                .PUT(body(file, size, listener));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        FileEntry stored = Json.read(what, transport.send(request.build(), what).body(), FileEntry.class);
        listener.progress(size, size); // the only report of an empty file
        return stored;
    }

    private static BodyPublisher body(Path file, long size, TransferListener listener) {
        if (size == 0) {
            return BodyPublishers.noBody();
        }
        // A stream rather than ofFile, to count the bytes as the client takes them; with the length
        // given, the node sees Content-Length and can refuse a file too large before it arrives.
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
            try {
                return new Counting(Files.newInputStream(file), size, listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), size);
    }

    private static final class Counting extends FilterInputStream {

        private final long total;
        private final TransferListener listener;
        private long done;

        Counting(InputStream in, long total, TransferListener listener) {
            super(in);
            this.total = total;
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            advance(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            advance(Math.max(n, 0));
            return n;
        }

        private void advance(int n) {
            if (n > 0) {
                done += n;
                listener.progress(done, total);
            }
        }
    }
}
