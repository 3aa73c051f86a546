package io.sectorsphere.transfer.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.transfer.protocol.FrameCodec;
import io.sectorsphere.transfer.protocol.ProtocolException;
import io.sectorsphere.transfer.protocol.Request;
import io.sectorsphere.transfer.protocol.Response;
import io.sectorsphere.transfer.protocol.Status;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketRejectedException;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionHandler;
import io.sectorsphere.transfer.transport.DataConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one data connection, request after request, until the peer closes it: ranges of files to
 * holders of a read ticket, pushed files from holders of a write ticket. A malformed frame or a
 * failure mid-stream ends the connection; a staged push that did not complete is removed, so no
 * partial file is ever visible under its name.
 *
 * <p>Metrics: {@code sector.transfer.requests} (op, status), {@code sector.transfer.bytes}
 * (direction, transport), {@code sector.transfer.tickets.rejected} (reason).
 */
public final class FileRequestHandler implements ConnectionHandler {

    private static final Logger log = LoggerFactory.getLogger(FileRequestHandler.class);
    private static final int COPY_BUFFER = 64 << 10;

    private final FileArea area;
    private final TicketSigner tickets;
    private final MeterRegistry meters;

    public FileRequestHandler(FileArea area, TicketSigner tickets, MeterRegistry meters) {
        this.area = area;
        this.tickets = tickets;
        this.meters = meters;
    }

    @Override
    public void serve(DataConnection connection) {
        try {
            Request request;
            while ((request = FrameCodec.readRequest(connection.input())) != null) {
                Status status = answer(request, connection);
                meters.counter("sector.transfer.requests", "op", request.op().name().toLowerCase(),
                        "status", status.name().toLowerCase()).increment();
            }
        } catch (ProtocolException e) {
            log.debug("malformed request from {}: {}", connection.remoteAddress(), e.getMessage());
            meters.counter("sector.transfer.requests", "op", "unknown", "status", "bad_request").increment();
            tryAnswer(connection.output(), Response.error(Status.BAD_REQUEST, e.getMessage()));
        } catch (IOException e) {
            log.debug("data connection from {} ended: {}", connection.remoteAddress(), e.toString());
        }
    }

    private Status answer(Request request, DataConnection connection) throws IOException {
        OutputStream out = connection.output();
        try {
            return switch (request.op()) {
                case PING -> respond(out, Response.ok(0));
                case STAT -> stat(request, out);
                case GET -> get(request, connection);
                case PUT -> put(request, connection);
                case PROBE -> probe(request, connection);
            };
        } catch (TicketRejectedException e) {
            meters.counter("sector.transfer.tickets.rejected", "reason", e.reason().name().toLowerCase()).increment();
            log.info("refused {} of '{}' from {}: {}", request.op(), request.name(), connection.remoteAddress(),
                    e.getMessage());
            return respond(out, Response.error(Status.DENIED, "ticket refused"));
        } catch (IllegalArgumentException e) {
            return respond(out, Response.error(Status.BAD_REQUEST, e.getMessage()));
        }
    }

    private Status stat(Request request, OutputStream out) throws IOException, TicketRejectedException {
        tickets.verify(request.ticket(), TicketOperation.READ, request.name(), 0, 0);
        Path file = area.existing(request.name());
        if (file == null) {
            return respond(out, Response.error(Status.NOT_FOUND, "no file " + request.name()));
        }
        long size = Files.size(file);
        return respond(out, Response.stat(size, Digests.sha256Of(file)));
    }

    private Status get(Request request, DataConnection connection) throws IOException, TicketRejectedException {
        OutputStream out = connection.output();
        tickets.verify(request.ticket(), TicketOperation.READ, request.name(), request.offset(), request.length());
        Path file = area.existing(request.name());
        if (file == null) {
            return respond(out, Response.error(Status.NOT_FOUND, "no file " + request.name()));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (request.offset() > size || request.length() > size - request.offset()) {
                return respond(out, Response.error(Status.OUT_OF_RANGE, "the file has " + size + " bytes"));
            }
            FrameCodec.writeResponseUnflushed(out, Response.ok(request.length()));
            sendRange(channel, request.offset(), request.length(), out);
            out.flush();
            meters.counter("sector.transfer.bytes", "direction", "sent", "transport", connection.transport())
                    .increment(request.length());
            return Status.OK;
        }
    }

    private static void sendRange(FileChannel channel, long offset, long length, OutputStream out)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        long done = 0;
        while (done < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - done));
            int read = channel.read(buffer, offset + done);
            if (read < 0) {
                // Truncated on disk while being served: the peer sees the connection end early.
                throw new IOException("the file shrank while being read");
            }
            out.write(buffer.array(), 0, read);
            done += read;
        }
    }

    private Status put(Request request, DataConnection connection) throws IOException, TicketRejectedException {
        OutputStream out = connection.output();
        tickets.verify(request.ticket(), TicketOperation.WRITE, request.name(), 0, request.length());
        if (request.sha256().length != FrameCodec.DIGEST_BYTES) {
            return respond(out, Response.error(Status.BAD_REQUEST, "a push needs the file's SHA-256"));
        }
        if (Files.exists(area.pathOf(request.name()))) {
            return respond(out, Response.error(Status.CONFLICT, request.name() + " exists"));
        }
        Path staged = area.newStagedFile();
        Response outcome;
        try {
            FrameCodec.writeResponse(out, Response.ready());
            byte[] digest = receive(connection.input(), staged, request.length());
            meters.counter("sector.transfer.bytes", "direction", "received", "transport", connection.transport())
                    .increment(request.length());
            outcome = MessageDigest.isEqual(digest, request.sha256()) ? publish(staged, request)
                    : Response.error(Status.DIGEST_MISMATCH, "the bytes received have another SHA-256");
        } finally {
            // Before the answer, so that a pusher told "no" finds nothing left behind.
            Files.deleteIfExists(staged);
        }
        return respond(out, outcome);
    }

    private static Status probe(Request request, DataConnection connection) throws IOException {
        OutputStream out = connection.output();
        if (request.length() > Request.MAX_PROBE_BYTES) {
            return respond(out, Response.error(Status.BAD_REQUEST, "a probe sends at most " + Request.MAX_PROBE_BYTES + " bytes"));
        }
        FrameCodec.writeResponse(out, Response.ready());
        connection.input().skipNBytes(request.length());
        return respond(out, Response.ok(request.length()));
    }

    private Response publish(Path staged, Request request) throws IOException {
        try {
            area.publish(staged, request.name());
            return Response.ok(request.length());
        } catch (FileAlreadyExistsException e) {
            return Response.error(Status.CONFLICT, request.name() + " exists");
        }
    }

    private static byte[] receive(InputStream in, Path staged, long length) throws IOException {
        MessageDigest digest = Digests.sha256();
        byte[] buffer = new byte[COPY_BUFFER];
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < length) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - done));
                if (read < 0) {
                    throw new IOException("the pusher ended after " + done + " of " + length + " bytes");
                }
                digest.update(buffer, 0, read);
                ByteBuffer piece = ByteBuffer.wrap(buffer, 0, read);
                while (piece.hasRemaining()) {
                    channel.write(piece);
                }
                done += read;
            }
            channel.force(true);
        }
        return digest.digest();
    }

    private static Status respond(OutputStream out, Response response) throws IOException {
        FrameCodec.writeResponse(out, response);
        return response.status();
    }

    private static void tryAnswer(OutputStream out, Response response) {
        try {
            FrameCodec.writeResponse(out, response);
        } catch (IOException e) {
            // The peer is gone; nothing to tell it.
        }
    }
}
