package io.sectorsphere.udt.engine;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.interop.LibudtPeer;
import io.sectorsphere.udt.interop.PeerProcess;
import io.sectorsphere.udt.interop.PeerResult;
import io.sectorsphere.udt.interop.UdtPeerCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * A measurement, not a test: memory-to-memory throughput on loopback for a fixed time.
 * {@code java ... LoopbackThroughput <ours|to-libudt|from-libudt> [seconds] [mss] [cc]}: ours to ours,
 * ours sending to a libudt receiver, or a libudt sender to ours. Prints the peer protocol's
 * {@code done} line for our side (CPU seconds are this whole JVM's).
 */
public final class LoopbackThroughput {

    private LoopbackThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ours";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int mss = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        String congestionControl = args.length > 3 ? args[3] : "native";
        UdtSocketOptions options = UdtSocketOptions.defaults().withMss(mss).withCongestionControl(congestionControl);
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        try (UdtEndpoint local = UdtEndpoint.open(any, UdtEndpointConfig.defaults())) {
            switch (mode) {
                case "ours" -> {
                    try (UdtEndpoint server = UdtEndpoint.open(any, UdtEndpointConfig.defaults())) {
                        server.listen(options);
                        UdtSocket sender = local.connect(server.localAddress(), options);
                        UdtSocket receiver = server.accept(Duration.ofSeconds(5));
                        Thread drain = Thread.ofPlatform().start(() -> discard(receiver));
                        report(send(sender, seconds));
                        System.err.println(sender.stats());
                        System.err.println(receiver.stats());
                        sender.close();
                        drain.join(10_000);
                    }
                }
                case "to-libudt" -> {
                    try (PeerProcess peer = LibudtPeer.start(UdtPeerCommand.server("127.0.0.1", 0,
                            UdtPeerCommand.Direction.RECV).withMss(mss))) {
                        int port = peer.awaitListeningPort(Duration.ofSeconds(30));
                        UdtSocket sender = local.connect(new InetSocketAddress("127.0.0.1", port), options);
                        report(send(sender, seconds));
                        System.err.println(sender.stats());
                        sender.close();
                        System.err.println("libudt receiver: " + peer.awaitResult(Duration.ofSeconds(30)).toLine());
                    }
                }
                case "from-libudt" -> {
                    local.listen(options);
                    try (PeerProcess peer = LibudtPeer.start(UdtPeerCommand.client("127.0.0.1",
                            local.localAddress().getPort(), UdtPeerCommand.Direction.SEND)
                            .withDuration(Duration.ofMillis((long) (seconds * 1000))).withMss(mss))) {
                        UdtSocket receiver = local.accept(Duration.ofSeconds(10));
                        long start = System.nanoTime();
                        double cpu = cpuSeconds();
                        long bytes = discard(receiver);
                        double elapsed = (System.nanoTime() - start) / 1e9;
                        report(new PeerResult(bytes, elapsed, cpuSeconds() - cpu, bytes * 8 / elapsed / 1e6));
                        System.err.println(receiver.stats());
                        System.err.println("libudt sender: " + peer.awaitResult(Duration.ofSeconds(30)).toLine());
                    }
                }
                default -> throw new IllegalArgumentException("mode: ours, to-libudt or from-libudt");
            }
        }
    }

    private static PeerResult send(UdtSocket socket, double seconds) throws Exception {
        byte[] block = new byte[256 * 1024];
        OutputStream out = socket.outputStream();
        long start = System.nanoTime();
        double cpu = cpuSeconds();
        long deadline = start + (long) (seconds * 1e9);
        long bytes = 0;
        while (System.nanoTime() < deadline) {
            out.write(block);
            bytes += block.length;
        }
        out.flush();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new PeerResult(bytes, elapsed, cpuSeconds() - cpu, bytes * 8 / elapsed / 1e6);
    }

    private static long discard(UdtSocket socket) {
        byte[] block = new byte[256 * 1024];
        long total = 0;
        try {
            InputStream in = socket.inputStream();
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                total += n;
            }
        } catch (java.io.IOException e) {
            System.err.println("receiver stopped: " + e.getMessage());
        }
        return total;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds per live thread, to see which side and which loop spends them. */
    private static void printThreadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                double cpu = threads.getThreadCpuTime(info.getThreadId()) / 1e9;
                if (cpu > 0.05) {
                    System.err.printf(Locale.ROOT, "thread %-40s cpu_seconds=%.2f%n", info.getThreadName(), cpu);
                }
            }
        }
    }

    private static void report(PeerResult result) {
        printThreadCpu();
        System.out.println(result.toLine());
        System.out.printf(Locale.ROOT, "cpu_seconds_per_gb=%.2f%n", result.cpuSecondsPerGigabyte());
    }
}
