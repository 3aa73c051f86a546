package io.sectorsphere.transfer.choice;

import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import io.sectorsphere.udt.UdtSocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a path for {@link TransportChooser}, remembered per peer for a few minutes: the smaller
 * loss of {@value #PROBE_ROUNDS} short bursts of UDT packets ({@value #PROBE_BYTES} bytes each,
 * which the peer drops), none where
 * UDT is not there or the peer does not answer over it; and the smallest round trip of
 * {@value #RTT_SAMPLES} PINGs over TCP (timed by the wall clock on an established connection:
 * UDT's own estimate starts from a 100 ms guess and takes tens of ACKs to settle).
 *
 * <p>Why UDT: a TCP PING sees no loss, so {@code auto} used to pick TCP on a short path that
 * loses packets — where TCP is at its worst — and took one round trip as the path's, however
 * long the host kept it waiting. The burst is paced at
 * {@value #PROBE_RATE_BYTES_PER_SECOND} bytes/s (32 Mb/s) by the probing transport's rate cap
 * ({@link #probeOptions}), below the paths this choice is about, so it builds no queue and the
 * losses it sees are the path's; 1440 packets show 1 % loss for certain, 0.1 % three times in four
 * (both bursts: three times in five). The smaller of two, because a host that stalls (a busy CPU
 * holding up the receiver, or a forwarder) drops a run of packets now and then, while the path's
 * random loss shows in every burst.
 */
public final class PathProbe {

    public static final long PROBE_BYTES = 2L << 20;
    public static final long PROBE_RATE_BYTES_PER_SECOND = 4_000_000;
    public static final int RTT_SAMPLES = 3;
    public static final int PROBE_ROUNDS = 2;
    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(PathProbe.class);

    private record Measured(PathQuality quality, long atNanos) {
    }

    private final DataClient client;
    private final DataTransport tcp;
    private final Supplier<DataTransport> udtProbe;
    private final Map<InetSocketAddress, Measured> measured = new ConcurrentHashMap<>();

    /**
     * {@code udtProbe} gives a UDT transport with {@link #probeOptions}, or null where UDT is not
     * available; it is asked when a path is first measured.
     */
    public PathProbe(DataClient client, DataTransport tcp, Supplier<DataTransport> udtProbe) {
        this.client = client;
        this.tcp = tcp;
        this.udtProbe = udtProbe;
    }

    /** The socket options of a probing transport: {@code base} capped at the probe rate. */
    public static UdtSocketOptions probeOptions(UdtSocketOptions base) {
        return base.withMaxBandwidth(PROBE_RATE_BYTES_PER_SECOND);
    }

    /** What is known of the path to {@code remote}: measured now, or within the last few minutes. */
    public PathQuality measure(InetSocketAddress remote) throws IOException {
        Measured known = measured.get(remote);
        long now = System.nanoTime();
        if (known != null && now - known.atNanos() < REMEMBERED.toNanos()) {
            return known.quality();
        }
        double rttMillis = Double.MAX_VALUE;
        for (int i = 0; i < RTT_SAMPLES; i++) {
            rttMillis = Math.min(rttMillis, client.ping(tcp, remote).rttMillis());
        }
        PathQuality quality = new PathQuality(rttMillis, lossOverUdt(remote));
        measured.put(remote, new Measured(quality, now));
        return quality;
    }

    private double lossOverUdt(InetSocketAddress remote) {
        DataTransport udt = udtProbe.get();
        if (udt == null) {
            return 0;
        }
        try {
            double loss = 1;
            for (int round = 0; round < PROBE_ROUNDS; round++) {
                loss = Math.min(loss, client.probe(udt, remote, PROBE_BYTES).map(PathQuality::lossRate).orElse(0.0));
            }
            return loss;
        } catch (IOException e) {
            log.debug("no UDT probe of {} ({}): its loss is not known", remote, e.toString());
            return 0;
        }
    }
}
