package io.sectorsphere.storage.transfer;

import io.sectorsphere.transfer.ticket.TicketSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ticket signer, present only when the cluster secret is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class TransferConfiguration {

    @Bean
    @ConditionalOnProperty("sector.storage.transfer.secret")
    TicketSigner ticketSigner(TransferProperties properties, Clock clock) {
        return new TicketSigner(properties.secret().getBytes(StandardCharsets.UTF_8), clock);
    }
}
