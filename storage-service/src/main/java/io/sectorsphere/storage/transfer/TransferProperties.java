package io.sectorsphere.storage.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code sector.storage.transfer.*} settings: how this node grants reads through the transfer agents.
 *
 * @param secret    the cluster secret tickets are signed with, the same as the agents'; null: no tickets
 * @param ticketTtl how long a granted ticket is valid
 */
@ConfigurationProperties("sector.storage.transfer")
public record TransferProperties(String secret, @DefaultValue("5m") Duration ticketTtl) {

    public TransferProperties {
        secret = secret == null || secret.isBlank() ? null : secret;
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("sector.storage.transfer.secret must be at least 32 bytes");
        }
        if (ticketTtl.isNegative() || ticketTtl.isZero()) {
            throw new IllegalArgumentException("sector.storage.transfer.ticket-ttl must be positive");
        }
    }
}
