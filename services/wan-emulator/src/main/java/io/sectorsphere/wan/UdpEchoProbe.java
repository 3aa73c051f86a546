package io.sectorsphere.wan;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures an emulated link from inside its namespaces, where neither ping nor the test JVM can go:
 * one side echoes UDP datagrams, the other sends numbered probes at a fixed pace and reports
 * round-trip times and the share that never came back.
 *
 * <pre>
 * UdpEchoProbe serve &lt;bind-ip&gt; &lt;port&gt; &lt;seconds&gt;     prints "listening port=P", echoes until the time is up
 * UdpEchoProbe ping &lt;ip&gt; &lt;port&gt; &lt;count&gt; &lt;interval-ms&gt; prints "probe sent=N received=M loss=L rtt_median_ms=R rtt_mean_ms=R"
 * </pre>
 */
public final class UdpEchoProbe {

    private static final int PROBE_BYTES = 64;
    /** How long to wait for late echoes after the last probe went out. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private UdpEchoProbe() {
    }

    /** A finished ping run. */
    public record ProbeResult(int sent, int received, double medianRttMillis, double meanRttMillis) {

        public double lossRate() {
            return sent == 0 ? 0 : 1.0 - (double) received / sent;
        }

        public String toLine() {
            return String.format(Locale.ROOT, "probe sent=%d received=%d loss=%.5f rtt_median_ms=%.3f rtt_mean_ms=%.3f",
                    sent, received, lossRate(), medianRttMillis, meanRttMillis);
        }

        public static ProbeResult parse(String line) {
            if (!line.startsWith("probe ")) {
                throw new IllegalArgumentException("not a probe line: " + line);
            }
            String[] tokens = line.split("\\s+");
            return new ProbeResult(Integer.parseInt(value(tokens[1])), Integer.parseInt(value(tokens[2])),
                    Double.parseDouble(value(tokens[4])), Double.parseDouble(value(tokens[5])));
        }

        private static String value(String token) {
            return token.substring(token.indexOf('=') + 1);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("serve")) {
            serve(InetAddress.getByName(args[1]), Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])));
        } else if (args.length == 5 && args[0].equals("ping")) {
            ProbeResult result = ping(new InetSocketAddress(args[1], Integer.parseInt(args[2])),
                    Integer.parseInt(args[3]), Duration.ofMillis(Long.parseLong(args[4])));
            System.out.println(result.toLine());
        } else {
            System.err.println("usage: UdpEchoProbe serve <bind-ip> <port> <seconds> | ping <ip> <port> <count> <interval-ms>");
            System.exit(2);
        }
    }

    static void serve(InetAddress bind, int port, Duration lifetime) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, port))) {
            System.err.println("listening port=" + socket.getLocalPort());
            long deadline = System.nanoTime() + lifetime.toNanos();
            byte[] buffer = new byte[2048];
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException timeUp) {
                    break;
                }
                socket.send(packet);
            }
        }
    }

    static ProbeResult ping(InetSocketAddress target, int count, Duration interval) throws Exception {
        long[] sentAt = new long[count];
        long[] rtt = new long[count];
        Arrays.fill(rtt, -1);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            Thread receiver = Thread.ofPlatform().name("probe-receiver").start(() -> receive(socket, sentAt, rtt, count));
            byte[] payload = new byte[PROBE_BYTES];
            long start = System.nanoTime();
            for (int sequence = 0; sequence < count; sequence++) {
                LockSupport.parkNanos(start + sequence * interval.toNanos() - System.nanoTime());
                ByteBuffer.wrap(payload).putInt(0, sequence);
                synchronized (rtt) {
                    sentAt[sequence] = System.nanoTime();
                }
                socket.send(new DatagramPacket(payload, payload.length));
            }
            receiver.join(DRAIN);
            socket.close();
            receiver.join();
        }
        synchronized (rtt) {
            long[] answered = Arrays.stream(rtt).filter(value -> value >= 0).sorted().toArray();
            double median = answered.length == 0 ? Double.NaN : answered[answered.length / 2] / 1e6;
            double mean = Arrays.stream(answered).average().orElse(Double.NaN) / 1e6;
            return new ProbeResult(count, answered.length, median, mean);
        }
    }

    private static void receive(DatagramSocket socket, long[] sentAt, long[] rtt, int count) {
        byte[] buffer = new byte[2048];
        int received = 0;
        while (received < count) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            long now = System.nanoTime();
            int sequence = ByteBuffer.wrap(buffer).getInt(0);
            if (sequence >= 0 && sequence < count) {
                synchronized (rtt) {
                    if (rtt[sequence] < 0) {
                        rtt[sequence] = now - sentAt[sequence];
                        received++;
                    }
                }
            }
        }
    }
}
