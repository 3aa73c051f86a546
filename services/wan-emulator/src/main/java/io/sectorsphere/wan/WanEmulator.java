package io.sectorsphere.wan;

import io.sectorsphere.udt.interop.NativeBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An emulated wide-area link: two network namespaces, {@link Side#A} ({@code 10.77.0.1}) and
 * {@link Side#B} ({@code 10.77.0.2}), each with one TUN device, joined by a {@link Forwarder} that
 * applies a {@link LinkProfile}. Programs run inside a side with {@link #exec} or behind
 * {@link #commandPrefix}; traffic between the sides crosses the emulated link and nothing else.
 *
 * <p>Needs root and {@code /dev/net/tun}. {@link #close()} removes everything this instance created —
 * also when {@link #start} fails half-way — and a shutdown hook does the same if the JVM exits first.
 */
public final class WanEmulator implements AutoCloseable {

    private static final String DEVICE = "wan0";
    // Deep enough that the kernel never drops a burst before the forwarder reads it.
    private static final String TX_QUEUE_PACKETS = "10000";
    private static final long TCP_BUFFER_MAX = 128L << 20;
    private static final long CAP_NET_ADMIN = 1L << 12;
    private static final long CAP_SYS_ADMIN = 1L << 21;

    private final Map<Side, String> namespaces = new EnumMap<>(Side.class);
    private final List<String> created = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();
    private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::cleanUpQuietly);
    private final LinkProfile profile;
    private Forwarder forwarder;
    private boolean closed;

    private WanEmulator(LinkProfile profile, String runId) {
        this.profile = profile;
        namespaces.put(Side.A, "sector-wan-" + runId + "-a");
        namespaces.put(Side.B, "sector-wan-" + runId + "-b");
    }

    /** True when this host can emulate: root's network and namespace capabilities, a TUN device, {@code ip} and gcc. */
    public static boolean supported() {
        return hasNetworkCapabilities() && Files.exists(Path.of("/dev/net/tun")) && NativeBuild.onPath("ip") && NativeBuild.onPath("gcc");
    }

    /** Creates both namespaces and the link between them. */
    public static WanEmulator start(LinkProfile profile) throws IOException, InterruptedException {
        String runId = ProcessHandle.current().pid() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        WanEmulator emulator = new WanEmulator(profile, runId);
        Runtime.getRuntime().addShutdownHook(emulator.shutdownHook);
        try {
            emulator.build();
            return emulator;
        } catch (IOException | InterruptedException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    public LinkProfile profile() {
        return profile;
    }

    public String namespace(Side side) {
        return namespaces.get(side);
    }

    /** The words that run a command inside {@code side}: {@code ip netns exec <namespace>}. */
    public List<String> commandPrefix(Side side) {
        return List.of("ip", "netns", "exec", namespace(side));
    }

    /**
     * Starts {@code command} inside {@code side}, stdout and stderr as pipes; it is ended by
     * {@link #close()} if still running then.
     */
    public synchronized Process exec(Side side, String... command) throws IOException {
        return exec(side, new ProcessBuilder(), List.of(command));
    }

    /** Like {@link #exec(Side, String...)}, with redirections and environment taken from {@code builder}. */
    public synchronized Process exec(Side side, ProcessBuilder builder, List<String> command) throws IOException {
        if (closed) {
            throw new IllegalStateException("emulator closed");
        }
        List<String> line = new ArrayList<>(commandPrefix(side));
        line.addAll(command);
        Process process = builder.command(line).start();
        started.add(process);
        return process;
    }

    /** The forwarder's counters now (or its last ones, once closed). */
    public ForwarderStats stats() throws IOException, InterruptedException {
        return forwarder.stats();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it ends up here too, and the work below is idempotent.
        }
        cleanUp();
    }

    private void build() throws IOException, InterruptedException {
        for (Side side : Side.values()) {
            SystemCommand.run("ip", "netns", "add", namespace(side));
            created.add(namespace(side));
            // No IPv6 chatter (router and neighbour solicitations) on the link: only the traffic under test.
            SystemCommand.run("ip", "netns", "exec", namespace(side), "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            SystemCommand.run("ip", "netns", "exec", namespace(side), "sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
            SystemCommand.run("ip", "-n", namespace(side), "link", "set", "lo", "up");
            // Long fat paths need TCP windows beyond the usual maximum (1 Gb/s x 200 ms is 25 MB); these
            // sysctls are per namespace, so the host keeps its own.
            SystemCommand.run("ip", "netns", "exec", namespace(side), "sysctl", "-q", "-w", "net.ipv4.tcp_rmem=4096 131072 " + TCP_BUFFER_MAX);
            SystemCommand.run("ip", "netns", "exec", namespace(side), "sysctl", "-q", "-w", "net.ipv4.tcp_wmem=4096 16384 " + TCP_BUFFER_MAX);
        }
        forwarder = Forwarder.start(namespace(Side.A), namespace(Side.B), DEVICE, profile,
                ThreadLocalRandom.current().nextLong());
        for (Side side : Side.values()) {
            String ns = namespace(side);
            SystemCommand.run("ip", "-n", ns, "addr", "add", side.address(), "peer", side.other().address(), "dev", DEVICE);
            SystemCommand.run("ip", "-n", ns, "link", "set", DEVICE, "txqueuelen", TX_QUEUE_PACKETS, "up");
        }
    }

    private void cleanUpQuietly() {
        try {
            cleanUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void cleanUp() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : started) {
            process.waitFor(5, TimeUnit.SECONDS);
        }
        if (forwarder != null) {
            forwarder.close();
        }
        for (String namespace : created) {
            endProcessesInside(namespace);
            try {
                SystemCommand.run("ip", "netns", "delete", namespace);
            } catch (IOException e) {
                System.err.println("wan-emulator: cannot delete namespace " + namespace + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    // Anything still inside a namespace this instance created was started through it (by a caller's
    // own fork, say); a namespace with live processes would survive its deletion.
    private static void endProcessesInside(String namespace) throws InterruptedException {
        try {
            for (String pid : SystemCommand.run("ip", "netns", "pids", namespace).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException e) {
            System.err.println("wan-emulator: cannot list processes in " + namespace + ": " + e.getMessage());
        }
    }

    // What root really brings here: CAP_NET_ADMIN for TUN devices and addresses, CAP_SYS_ADMIN for
    // namespaces. A container's root may lack them, and then the emulator cannot work.
    private static boolean hasNetworkCapabilities() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapEff:"))
                    .map(line -> Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16))
                    .anyMatch(effective -> (effective & CAP_NET_ADMIN) != 0 && (effective & CAP_SYS_ADMIN) != 0);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
