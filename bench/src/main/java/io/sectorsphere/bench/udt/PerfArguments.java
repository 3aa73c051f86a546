package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.UdtSocketOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * {@link UdtPerf}'s command line.
 *
 * @param bytes         bytes to move, or -1 for no bound
 * @param duration      how long to move data, or null for no bound
 * @param mss           UDT_MSS, or 0 for the engine's default
 * @param congestion    congestion control name, or null for the engine's default
 * @param windowPackets flow window and buffers in packets, or 0 for the defaults
 * @param stdio         a receiver writes what it gets to standard output (so that another process can
 *                      count it as it arrives) instead of dropping it
 */
record PerfArguments(boolean server, InetSocketAddress address, boolean send, long bytes, Duration duration,
                     int mss, String congestion, int windowPackets, boolean stdio) {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final String USAGE = "usage: UdtPerf <server|client> <host:port> <send|recv> "
            + "[--bytes N | --seconds S] [--mss M] [--cc NAME] [--window PKTS] [--data memory|stdio]";

    static PerfArguments parse(List<String> args) {
        if (args.size() < 3 || args.size() % 2 == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        String role = args.get(0);
        String direction = args.get(2);
        if (!List.of("server", "client").contains(role) || !List.of("send", "recv").contains(direction)) {
            throw new IllegalArgumentException(USAGE);
        }
        int colon = args.get(1).lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(USAGE);
        }
        InetSocketAddress address = new InetSocketAddress(args.get(1).substring(0, colon),
                Integer.parseInt(args.get(1).substring(colon + 1)));
        long bytes = -1;
        Duration duration = null;
        int mss = 0;
        String congestion = null;
        int window = 0;
        boolean stdio = false;
        for (int i = 3; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--bytes" -> bytes = Long.parseLong(value);
                case "--seconds" -> duration = Duration.ofNanos((long) (Double.parseDouble(value) * 1e9));
                case "--mss" -> mss = Integer.parseInt(value);
                case "--cc" -> congestion = value;
                case "--window" -> window = Integer.parseInt(value);
                case "--data" -> {
                    if (!List.of("memory", "stdio").contains(value)) {
                        throw new IllegalArgumentException("--data is memory or stdio");
                    }
                    stdio = value.equals("stdio");
                }
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        boolean send = direction.equals("send");
        if (send && bytes < 0 && duration == null) {
            throw new IllegalArgumentException("sending needs --bytes or --seconds");
        }
        if (send && stdio) {
            throw new IllegalArgumentException("UdtPerf sends from memory only");
        }
        return new PerfArguments(role.equals("server"), address, send, bytes, duration, mss, congestion, window, stdio);
    }

    UdtSocketOptions socketOptions() {
        // Generous: on a busy host a freshly started receiver JVM can take seconds to answer a handshake.
        UdtSocketOptions options = UdtSocketOptions.defaults().withConnectTimeout(CONNECT_TIMEOUT);
        if (mss > 0) {
            options = options.withMss(mss);
        }
        if (congestion != null) {
            options = options.withCongestionControl(congestion);
        }
        if (windowPackets > 0) {
            options = options.withBuffers(windowPackets, windowPackets, windowPackets);
        }
        return options;
    }
}
