package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.interop.PeerProcess;
import io.sectorsphere.udt.interop.PeerResult;
import io.sectorsphere.udt.interop.UdtPeerCommand;
import io.sectorsphere.udt.interop.UdtPeerCommand.DataSource;
import io.sectorsphere.udt.interop.UdtPeerCommand.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memory-to-memory UDT flow between two processes that speak the peer protocol (udtpeer or
 * UdtPerf): the receiver is a server, the sender a client sending for a fixed time. Counted, the
 * receiver writes what it gets to its standard output and this flow counts it as it arrives.
 */
final class UdtPeerFlow implements Flow {

    /** Beyond the sending time: connection setup, JVM start-up and the linger until all is acknowledged. */
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final List<String> program;
    private final NetworkPath path;
    private final UdtPeerCommand sendCommand;
    private final Duration duration;
    private final List<String> extraArgs;
    private final PeerProcess receiver;
    private final AtomicLong delivered = new AtomicLong();
    private final boolean counted;
    private PeerProcess sender;

    /**
     * @param name      the peer's name in error messages
     * @param program   the peer's command without arguments
     * @param extraArgs arguments appended to both ends (e.g. {@code --cc dedicated})
     * @param counted   whether {@link #deliveredBytes()} is wanted
     */
    UdtPeerFlow(String name, List<String> program, NetworkPath path, int mss, int windowPackets, Duration duration,
                List<String> extraArgs, boolean counted) throws Exception {
        this.name = name;
        this.program = program;
        this.path = path;
        this.duration = duration;
        this.extraArgs = List.copyOf(extraArgs);
        this.counted = counted;
        UdtPeerCommand receive = UdtPeerCommand.server(path.receiverHost(), 0, Direction.RECV)
                .withMss(mss).withWindowPackets(windowPackets).withData(counted ? DataSource.STDIO : DataSource.MEMORY);
        this.receiver = PeerProcess.start(name + " receiver", line(path.receiverPrefix(), receive, extraArgs), counted);
        if (counted) {
            Thread.ofPlatform().daemon().name("count-" + name + "-" + receiver.process().pid())
                    .start(() -> count(receiver.stdout()));
        }
        int port;
        try {
            port = receiver.awaitListeningPort(LISTEN_TIMEOUT);
        } catch (Exception e) {
            receiver.close();
            throw e;
        }
        this.sendCommand = UdtPeerCommand.client(path.receiverHost(), port, Direction.SEND)
                .withMss(mss).withWindowPackets(windowPackets).withDuration(duration);
    }

    @Override
    public void begin() throws Exception {
        sender = PeerProcess.start(name + " sender", line(path.senderPrefix(), sendCommand, extraArgs), false);
    }

    @Override
    public long deliveredBytes() {
        if (!counted) {
            throw new UnsupportedOperationException(name + " flow made without counting");
        }
        return delivered.get();
    }

    @Override
    public FlowResult await() throws Exception {
        PeerResult sent = sender.awaitResult(duration.plus(GRACE));
        PeerResult received = receiver.awaitResult(GRACE);
        return new FlowResult(received.mbps(), received.bytes(), sent.cpuSeconds() + received.cpuSeconds());
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
        receiver.close();
    }

    private void count(InputStream stdout) {
        byte[] buffer = new byte[1 << 20];
        try (stdout) {
            for (int n = stdout.read(buffer); n >= 0; n = stdout.read(buffer)) {
                delivered.addAndGet(n);
            }
        } catch (IOException e) {
            // The receiver ended; its own result says how.
        }
    }

    private List<String> line(List<String> prefix, UdtPeerCommand command, List<String> extra) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(program);
        line.addAll(command.arguments());
        line.addAll(extra);
        return line;
    }
}
