package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.interop.PeerProcess;
import io.sectorsphere.udt.interop.PeerResult;
import io.sectorsphere.udt.interop.UdtPeerCommand;
import io.sectorsphere.udt.interop.UdtPeerCommand.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory-to-memory UDT flow between two processes that speak the peer protocol (udtpeer or
 * UdtPerf): the receiver is a server, the sender a client sending for a fixed time.
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
    private PeerProcess sender;

    /**
     * @param name      the peer's name in error messages
     * @param program   the peer's command without arguments
     * @param extraArgs arguments appended to both ends (e.g. {@code --cc dedicated})
     */
    UdtPeerFlow(String name, List<String> program, NetworkPath path, int mss, int windowPackets, Duration duration,
                List<String> extraArgs) throws Exception {
        this.name = name;
        this.program = program;
        this.path = path;
        this.duration = duration;
        this.extraArgs = List.copyOf(extraArgs);
        UdtPeerCommand receive = UdtPeerCommand.server(path.receiverHost(), 0, Direction.RECV)
                .withMss(mss).withWindowPackets(windowPackets);
        this.receiver = PeerProcess.start(name + " receiver", line(path.receiverPrefix(), receive, extraArgs), false);
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

    private List<String> line(List<String> prefix, UdtPeerCommand command, List<String> extra) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(program);
        line.addAll(command.arguments());
        line.addAll(extra);
        return line;
    }
}
