package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.interop.PeerResult;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Our UDT engine as a memory-to-memory perf tool, speaking the same command line and stderr lines as
 * the libudt peer ({@code udtpeer.cpp}) so a benchmark drives both alike:
 *
 * <pre>
 * UdtPerf &lt;server|client&gt; &lt;host:port&gt; &lt;send|recv&gt; [--bytes N | --seconds S] [--mss M] [--cc NAME]
 *         [--window PKTS] [--data memory]
 * </pre>
 *
 * A server prints {@code listening port=P} and accepts one connection; at the end one line
 * {@code done bytes=N seconds=S cpu_seconds=C mbps=M} goes to stderr and the exit status is 0. Any
 * failure, the engine not being there yet included, prints {@code error <message>} and exits 1.
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
            UdtSocket socket = arguments.server() ? accept(endpoint, options) : endpoint.connect(arguments.address(), options);
            long start = System.nanoTime();
            long bytes = arguments.send() ? send(socket, start) : receive(socket, start);
            // close() lingers until the peer acknowledged everything, so a sender's time covers delivery.
            socket.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new PeerResult(bytes, seconds, processCpuSeconds(), seconds > 0 ? bytes * 8 / seconds / 1e6 : 0);
        }
    }

    private static UdtSocket accept(UdtEndpoint endpoint, UdtSocketOptions options) throws Exception {
        endpoint.listen(options);
        System.err.println("listening port=" + endpoint.localAddress().getPort());
        UdtSocket socket = endpoint.accept(ACCEPT_TIMEOUT);
        if (socket == null) {
            throw new IllegalStateException("no connection within " + ACCEPT_TIMEOUT);
        }
        return socket;
    }

    private long send(UdtSocket socket, long start) throws Exception {
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31 + 7);
        }
        OutputStream out = socket.outputStream();
        long done = 0;
        while (timeLeft(start)) {
            int length = (int) Math.min(CHUNK_BYTES, arguments.bytes() < 0 ? CHUNK_BYTES : arguments.bytes() - done);
            if (length == 0) {
                break;
            }
            out.write(chunk, 0, length);
            done += length;
        }
        out.flush();
        return done;
    }

    private long receive(UdtSocket socket, long start) throws Exception {
        byte[] buffer = new byte[CHUNK_BYTES];
        InputStream in = socket.inputStream();
        long done = 0;
        while (timeLeft(start)) {
            int length = (int) Math.min(CHUNK_BYTES, arguments.bytes() < 0 ? CHUNK_BYTES : arguments.bytes() - done);
            if (length == 0) {
                break;
            }
            int read = in.read(buffer, 0, length);
            if (read < 0) {
                if (arguments.bytes() >= 0) {
                    throw new EOFException("peer closed after " + done + " of " + arguments.bytes() + " bytes");
                }
                break;
            }
            done += read;
        }
        return done;
    }

    private boolean timeLeft(long start) {
        return arguments.duration() == null || System.nanoTime() - start < arguments.duration().toNanos();
    }

    // The whole process, engine threads, JIT and GC included, as getrusage reports it for udtpeer.
    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
