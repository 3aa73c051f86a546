package io.sectorsphere.bench.udt;

import io.sectorsphere.client.AgentDownload;
import io.sectorsphere.client.ReadGrant;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.transfer.multisource.DownloadFailedException;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.udt.interop.PeerResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the default-settings flow, run in a fresh JVM on the receiving side: what
 * {@code sector get} does once a storage node granted the read — {@link AgentDownload} with every
 * option at its default (transport {@code auto}, the engine's congestion control and window) to a
 * local file, verified against its SHA-256 — with the grant made here from the cluster secret, as
 * there is no storage node on the link.
 *
 * <pre>
 * AgentGet &lt;agent host:port&gt; &lt;agent pid&gt; &lt;name&gt; &lt;size&gt; &lt;sha256&gt; &lt;secret&gt; &lt;target&gt; &lt;deadline seconds&gt;
 * </pre>
 *
 * Prints {@code transport=<each source's>} once the path is measured, then the peer protocol's
 * {@code done bytes=N seconds=S cpu_seconds=C mbps=M complete=true|false} on stderr. Seconds run
 * from asking for the download to the verified file in place; CPU seconds are this process's and
 * the agent's over the same time ({@link ProcessCpu}). At the deadline it reports what it got so far.
 */
public final class AgentGet {

    private static final Duration TICKET_LIFETIME = Duration.ofMinutes(30);

    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final long agentPid;
    private long start;
    private double cpuBefore;

    private AgentGet(long agentPid) {
        this.agentPid = agentPid;
    }

    public static void main(String[] args) {
        try {
            if (args.length != 8) {
                throw new IllegalArgumentException("usage: AgentGet <agent host:port> <agent pid> <name> <size> "
                        + "<sha256> <secret> <target> <deadline seconds>");
            }
            new AgentGet(Long.parseLong(args[1])).run(args[0], args[2], Long.parseLong(args[3]), args[4], args[5],
                    Path.of(args[6]), Duration.ofMillis((long) (Double.parseDouble(args[7]) * 1000)));
            System.exit(0);
        } catch (Exception | Error e) {
            System.err.println("error " + describe(e).replace('\n', ' '));
            System.exit(1);
        }
    }

    /** The message, with each source's own reason when every source failed. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof DownloadFailedException failed) {
            message += " " + failed.sources().stream()
                    .map(source -> source.label() + " over " + source.transport() + ": " + source.failure()).toList();
        }
        return message;
    }

    private void run(String agent, String name, long size, String sha256, String secret, Path target,
                     Duration deadline) throws Exception {
        String ticket = new TicketSigner(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .sign(TicketOperation.READ, name, 0, size, TICKET_LIFETIME);
        ReadGrant grant = new ReadGrant(name, size, "sha256:" + sha256, ticket, Instant.now().plus(TICKET_LIFETIME),
                List.of(agent));
        AgentDownload.Options defaults = new AgentDownload.Options(TransportPreference.AUTO, null, 0, 0, false);
        try (AgentDownload download = new AgentDownload(defaults)) {
            cpuBefore = cpuSeconds();
            start = System.nanoTime();
            Thread.ofPlatform().daemon().name("agent-get-deadline").start(() -> reportAtDeadline(deadline));
            download.download(grant, target, (done, total) -> received.set(done),
                    (rttMillis, transports) -> System.err.println("transport=" + String.join(",", transports)));
            report(size, true);
        }
    }

    private void reportAtDeadline(Duration deadline) {
        try {
            Thread.sleep(deadline);
            report(received.get(), false);
            System.exit(0);
        } catch (Exception e) {
            // The download ended first.
        }
    }

    private void report(long bytes, boolean complete) throws Exception {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        if (reported.compareAndSet(false, true)) {
            System.err.println(new PeerResult(bytes, seconds, cpu, bytes * 8 / seconds / 1e6).toLine()
                    + " complete=" + complete);
        }
    }

    private double cpuSeconds() throws Exception {
        return ProcessCpu.selfSeconds() + ProcessCpu.seconds(agentPid);
    }
}
