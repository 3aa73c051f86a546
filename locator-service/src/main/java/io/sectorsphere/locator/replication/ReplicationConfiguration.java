package io.sectorsphere.locator.replication;

import io.sectorsphere.locator.config.LocatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The replica check's HTTP client, owned by this context and closed with it. */
@Configuration(proxyBeanMethods = false)
class ReplicationConfiguration {

    @Bean
    ReplicaRequester replicaRequester(RestClient.Builder builder, LocatorProperties properties) {
        return ReplicaRequester.create(builder, properties.replication());
    }
}
