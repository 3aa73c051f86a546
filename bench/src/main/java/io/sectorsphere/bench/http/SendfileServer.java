package io.sectorsphere.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The loopback wire's limit for one file: the least an HTTP server can do, answering every
 * request with the whole file through {@code sendfile(2)} ({@link FileChannel#transferTo}), no
 * parsing beyond the end of the request head, one connection at a time. What a client fetches
 * from it is the most any server could deliver to that client over loopback on this machine.
 */
final class SendfileServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path file;
    private final Thread acceptor;

    private SendfileServer(ServerSocketChannel server, Path file) {
        this.server = server;
        this.file = file;
        this.acceptor = Thread.ofPlatform().daemon().name("sendfile-server").start(this::serve);
    }

    static SendfileServer start(Path file) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new SendfileServer(server, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    String url() {
        try {
            InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
            return "http://127.0.0.1:" + address.getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                readRequestHead(client);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    long size = channel.size();
                    ByteBuffer head = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    while (head.hasRemaining()) {
                        client.write(head);
                    }
                    for (long sent = 0; sent < size; ) {
                        sent += channel.transferTo(sent, size - sent, client);
                    }
                }
            } catch (IOException e) {
                // Closed, or the client went away: the client's byte count tells.
            }
        }
    }

    private static void readRequestHead(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                return;
            }
            String seen = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            if (seen.contains("\r\n\r\n")) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            // Closing anyway.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
