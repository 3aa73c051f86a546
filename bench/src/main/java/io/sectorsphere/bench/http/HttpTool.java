package io.sectorsphere.bench.http;

import io.sectorsphere.bench.process.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client the transfer cases use: curl when it is installed (a separate process, as a user
 * would run it), otherwise the JDK's HttpClient in this JVM. Downloads discard the bytes and count
 * them; uploads stream the file with a bearer token.
 */
sealed interface HttpTool {

    /** What one transfer did: status, bytes moved, wall time from start to the last byte. */
    record Transfer(int status, long bytes, long nanos) {
    }

    /** A transfer under way. */
    interface Pending {
        Transfer await(Duration timeout);
    }

    String name();

    Pending startDownload(String url);

    Pending startUpload(String url, Path file, String token);

    default Transfer download(String url, Duration timeout) {
        return startDownload(url).await(timeout);
    }

    default Transfer upload(String url, Path file, String token, Duration timeout) {
        return startUpload(url, file, token).await(timeout);
    }

    static HttpTool pick(Path scratch) {
        return Commands.onPath("curl") ? new Curl(scratch) : new Jdk();
    }

    /** curl writing the body to /dev/null and its status and byte count to a scratch file. */
    record Curl(Path scratch) implements HttpTool {

        private static final AtomicInteger COUNTER = new AtomicInteger();

        @Override
        public String name() {
            return "curl";
        }

        @Override
        public Pending startDownload(String url) {
            return start(List.of("curl", "-sS", "--max-time", "300", "-o", "/dev/null",
                    "-w", "%{http_code} %{size_download}", url));
        }

        @Override
        public Pending startUpload(String url, Path file, String token) {
            // No "Expect: 100-continue" round trip: the token is checked before the body is read anyway.
            return start(List.of("curl", "-sS", "--max-time", "300", "-T", file.toString(),
                    "-H", "@" + authorizationHeader(token), "-H", "Expect:", "-o", "/dev/null",
                    "-w", "%{http_code} %{size_upload}", url));
        }

        /** The header in a file only we can read, so the token never shows in a process list. */
        private Path authorizationHeader(String token) {
            Path header = scratch.resolve("authorization.header");
            try {
                if (!Files.exists(header)) {
                    Files.createFile(header, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(header, "Authorization: Bearer " + token + "\n");
                }
                return header;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Pending start(List<String> command) {
            Commands.Running running = Commands.startCapturing(command,
                    scratch.resolve("curl-" + COUNTER.incrementAndGet() + ".out"));
            return timeout -> {
                Commands.Result result = running.await(timeout);
                String[] fields = result.stdout().split(" ");
                if (result.exitCode() != 0 || fields.length != 2) {
                    throw new IllegalStateException("curl exited with " + result.exitCode() + ": " + result.stdout());
                }
                return new Transfer(Integer.parseInt(fields[0]), (long) Double.parseDouble(fields[1]), result.nanos());
            };
        }
    }

    /** The JDK's client, HTTP/1.1, reading the body through a 256 KiB buffer. */
    final class Jdk implements HttpTool {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        @Override
        public String name() {
            return "jdk";
        }

        @Override
        public Pending startDownload(String url) {
            return start(() -> {
                long started = System.nanoTime();
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long bytes = 0;
                byte[] buffer = new byte[256 * 1024];
                try (InputStream body = response.body()) {
                    for (int n; (n = body.read(buffer)) >= 0; ) {
                        bytes += n;
                    }
                }
                return new Transfer(response.statusCode(), bytes, System.nanoTime() - started);
            });
        }

        @Override
        public Pending startUpload(String url, Path file, String token) {
            return start(() -> {
                long started = System.nanoTime();
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return new Transfer(response.statusCode(), Files.size(file), System.nanoTime() - started);
            });
        }

        private interface Call {
            Transfer call() throws IOException, InterruptedException;
        }

        private static Pending start(Call call) {
            CompletableFuture<Transfer> future = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    future.complete(call.call());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
            return timeout -> join(future, timeout);
        }

        private static Transfer join(CompletableFuture<Transfer> future, Duration timeout) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("HTTP transfer did not finish within " + timeout, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("HTTP transfer failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
