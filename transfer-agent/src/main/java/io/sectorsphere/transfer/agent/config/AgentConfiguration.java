package io.sectorsphere.transfer.agent.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.transfer.agent.data.DataPlane;
import io.sectorsphere.transfer.agent.data.Transports;
import io.sectorsphere.transfer.choice.TransportChooser;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The agent's data plane: tickets, its data directory, transports, listeners, the client side and its cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentConfiguration {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TicketSigner ticketSigner(AgentProperties properties, Clock clock) {
        return new TicketSigner(properties.secretBytes(), clock);
    }

    @Bean
    FileArea fileArea(AgentProperties properties) {
        return new FileArea(properties.dataDir().toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    Transports transports(AgentProperties properties, Environment environment, MeterRegistry meters) {
        return new Transports(properties, bindHost(environment), meters);
    }

    @Bean
    FileRequestHandler fileRequestHandler(FileArea area, TicketSigner signer, MeterRegistry meters) {
        return new FileRequestHandler(area, signer, meters);
    }

    @Bean
    DataPlane dataPlane(Transports transports, FileRequestHandler handler, AgentProperties properties,
                        Environment environment) {
        String bind = bindHost(environment);
        String advertised = properties.advertisedHost() != null ? properties.advertisedHost()
                : WILDCARDS.contains(bind) ? "127.0.0.1" : bind;
        return new DataPlane(transports, handler, bind, advertised, properties.dataPort());
    }

    @Bean(destroyMethod = "close")
    ConnectionCache connectionCache(AgentProperties properties, Clock clock) {
        AgentProperties.Cache cache = properties.cache();
        return new ConnectionCache(cache.maxIdlePerPeer(), cache.maxIdleTotal(), cache.idleTimeout(), clock);
    }

    @Bean
    DataClient dataClient(ConnectionCache cache) {
        return new DataClient(cache);
    }

    @Bean
    MultiSourceDownload multiSourceDownload(DataClient client) {
        return new MultiSourceDownload(client, MultiSourceDownload.Settings.defaults());
    }

    @Bean
    TransportChooser transportChooser(AgentProperties properties, Transports transports) {
        return new TransportChooser(properties.choice().udtAboveRtt().toNanos() / 1e6,
                properties.choice().udtAboveLoss(), transports.udtAvailable());
    }

    private static String bindHost(Environment environment) {
        String bound = environment.getProperty("server.address", "").strip();
        return bound.isEmpty() ? "0.0.0.0" : bound;
    }
}
