package io.sectorsphere.bench.http;

import io.sectorsphere.bench.process.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's nginx serving a directory on loopback with {@code sendfile on}: the plain HTTP server a
 * user would compare a storage node's downloads with. It runs in the foreground as one process
 * ({@code master_process off}, so it keeps the bench's user and needs no privileges), from a
 * configuration written to its own directory; {@link #close} ends exactly that process.
 */
final class NginxServer implements AutoCloseable {

    static final String BINARY = "nginx";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Commands.Running process;
    private final int port;

    private NginxServer(Commands.Running process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Commands.onPath(BINARY) || Files.isExecutable(Path.of("/usr/sbin", BINARY));
    }

    /** Serves {@code root} on a free loopback port; its files and logs go under {@code directory}. */
    static NginxServer start(Path root, Path directory, int port) {
        try {
            Files.createDirectories(directory.resolve("temp"));
            Path config = directory.resolve("nginx.conf");
            String temp = directory.resolve("temp").toString();
            Files.writeString(config, String.join("\n",
                    "daemon off;",
                    "master_process off;",
                    "worker_processes 1;",
                    "pid " + directory.resolve("nginx.pid") + ";",
                    "error_log " + directory.resolve("error.log") + " warn;",
                    "events { worker_connections 64; }",
                    "http {",
                    "  access_log off;",
                    "  sendfile on;",
                    "  tcp_nopush on;",
                    "  default_type application/octet-stream;",
                    "  client_body_temp_path " + temp + "/body;",
                    "  proxy_temp_path " + temp + "/proxy;",
                    "  fastcgi_temp_path " + temp + "/fastcgi;",
                    "  uwsgi_temp_path " + temp + "/uwsgi;",
                    "  scgi_temp_path " + temp + "/scgi;",
                    "  server {",
                    "    listen 127.0.0.1:" + port + ";",
                    "    root " + root + ";",
                    "  }",
                    "}", ""));
            String binary = Commands.onPath(BINARY) ? BINARY : Path.of("/usr/sbin", BINARY).toString();
            Commands.Running process = Commands.startDiscarding(List.of(binary, "-p", directory.toString(),
                    "-c", config.toString(), "-e", directory.resolve("error.log").toString()));
            NginxServer server = new NginxServer(process, port);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure nginx in " + directory, e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("nginx did not listen on port " + port + " within " + READY_TIMEOUT);
                }
            }
            try {
                Thread.sleep(100); // polling a port until it is up: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
