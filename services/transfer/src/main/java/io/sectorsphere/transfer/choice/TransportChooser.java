package io.sectorsphere.transfer.choice;

import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import java.util.Optional;

/**
 * Picks TCP or UDT for one path (seed 003). TCP fills short, clean paths by itself and costs less
 * CPU; its window growth stalls as the round-trip time grows and it halves on every loss, random or
 * not, so beyond a few milliseconds or at any loss UDT is the better choice. An explicit preference
 * wins; without UDT (engine unavailable) everything goes over TCP.
 *
 * @param udtAboveRttMillis a path with a longer round-trip time uses UDT
 * @param udtAboveLoss      a path losing a larger fraction of packets uses UDT
 * @param udtAvailable      whether UDT can be used at all
 */
public record TransportChooser(double udtAboveRttMillis, double udtAboveLoss, boolean udtAvailable) {

    public TransportChooser {
        if (udtAboveRttMillis < 0 || udtAboveLoss < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }

    /** {@value DataTransport#TCP} or {@value DataTransport#UDT}; an unmeasured path counts as short and clean. */
    public String choose(TransportPreference preference, Optional<PathQuality> measured) {
        return switch (preference) {
            case TCP -> DataTransport.TCP;
            case UDT -> {
                if (!udtAvailable) {
                    throw new IllegalStateException("UDT was asked for but is not available on this node");
                }
                yield DataTransport.UDT;
            }
            case AUTO -> udtAvailable && measured.filter(this::isLongOrLossy).isPresent()
                    ? DataTransport.UDT : DataTransport.TCP;
        };
    }

    private boolean isLongOrLossy(PathQuality path) {
        return path.rttMillis() > udtAboveRttMillis || path.lossRate() > udtAboveLoss;
    }
}
