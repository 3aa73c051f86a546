package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.interop.PeerResult;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Our UDT engine as a memory-to-memory perf tool, speaking the same command line and stderr lines as
 * the libudt peer ({@code udtpeer.cpp}) so a benchmark drives both alike:
 *
 * <pre>
 * UdtPerf &lt;server|client&gt; &lt;host:port&gt; &lt;send|recv&gt; [--bytes N | --seconds S] [--mss M] [--cc NAME]
 *         [--window PKTS] [--data memory|stdio]
 * </pre>
 *
 * A server prints {@code listening port=P} and accepts one connection; at the end one line
 * {@code done bytes=N seconds=S cpu_seconds=C mbps=M} goes to stderr and the exit status is 0. Any
 * failure, the engine not being there yet included, prints {@code error <message>} and exits 1.
 *
 * <p>Every run is a fresh process with no warm-up, as every peer is: the JIT compiler's work during
 * the transfer is part of its cost. The CPU seconds reported are the whole process's from
 * {@code /proc} ({@link ProcessCpu}), from the connection's start to its end — the JVM's own
 * start-up before it, like the libudt peer's, is not the flow's. With {@code --data stdio} a
 * receiver writes what it gets to standard output, so that the benchmark can count it as it
 * arrives (the fairness cases' shared measurement window).
 */
public final class UdtPerf {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(60);

    private final PerfArguments arguments;

    private UdtPerf(PerfArguments arguments) {
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        try {
            PeerResult result = new UdtPerf(PerfArguments.parse(List.of(args))).run();
            System.err.println(result.toLine());
            System.exit(0);
        } catch (Exception | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            System.err.println("error " + message.replace('\n', ' '));
            System.exit(1);
        }
    }

    private PeerResult run() throws Exception {
        UdtSocketOptions options = arguments.socketOptions();
        InetSocketAddress bind = arguments.server() ? arguments.address() : new InetSocketAddress(0);
        try (UdtEndpoint endpoint = UdtEndpoint.open(bind, UdtEndpointConfig.defaults())) {
            if (arguments.server()) {
                endpoint.listen(options);
                System.err.println("listening port=" + endpoint.localAddress().getPort());
            }
            UdtSocket socket = arguments.server() ? accept(endpoint) : endpoint.connect(arguments.address(), options);
            double cpuBefore = ProcessCpu.selfSeconds();
            long start = System.nanoTime();
            long moved = transfer(socket, start, arguments.duration(), arguments.bytes());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new PeerResult(moved, seconds, ProcessCpu.selfSeconds() - cpuBefore,
                    seconds > 0 ? moved * 8 / seconds / 1e6 : 0);
        }
    }

    /** Moves data one way for {@code duration} (or {@code bytes}); closing lingers until everything was acknowledged. */
    private long transfer(UdtSocket socket, long start, Duration duration, long bytes) throws Exception {
        long done = arguments.send() ? send(socket, start, duration, bytes) : receive(socket, start, duration, bytes);
        socket.close();
        return done;
    }

    private static UdtSocket accept(UdtEndpoint endpoint) throws Exception {
        UdtSocket socket = endpoint.accept(ACCEPT_TIMEOUT);
        if (socket == null) {
            throw new IllegalStateException("no connection within " + ACCEPT_TIMEOUT);
        }
        return socket;
    }

    private long send(UdtSocket socket, long start, Duration duration, long bytes) throws Exception {
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31 + 7);
        }
        OutputStream out = socket.outputStream();
        long done = 0;
        while (timeLeft(start, duration)) {
            int length = (int) Math.min(CHUNK_BYTES, bytes < 0 ? CHUNK_BYTES : bytes - done);
            if (length == 0) {
                break;
            }
            out.write(chunk, 0, length);
            done += length;
        }
        out.flush();
        return done;
    }

    private long receive(UdtSocket socket, long start, Duration duration, long bytes) throws Exception {
        byte[] buffer = new byte[CHUNK_BYTES];
        InputStream in = socket.inputStream();
        OutputStream out = arguments.stdio() ? new FileOutputStream(FileDescriptor.out) : OutputStream.nullOutputStream();
        long done = 0;
        while (timeLeft(start, duration)) {
            int length = (int) Math.min(CHUNK_BYTES, bytes < 0 ? CHUNK_BYTES : bytes - done);
            if (length == 0) {
                break;
            }
            int read = in.read(buffer, 0, length);
            if (read < 0) {
                if (bytes >= 0) {
                    throw new EOFException("peer closed after " + done + " of " + bytes + " bytes");
                }
                break;
            }
            out.write(buffer, 0, read);
            done += read;
        }
        return done;
    }

    private static boolean timeLeft(long start, Duration duration) {
        return duration == null || System.nanoTime() - start < duration.toNanos();
    }
}
