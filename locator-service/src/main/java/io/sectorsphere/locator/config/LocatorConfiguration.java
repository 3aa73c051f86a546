package io.sectorsphere.locator.config;

import io.sectorsphere.locator.ring.rpc.RestRingTransport;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The per-context infrastructure of a locator: its clock and the HTTP client of its ring calls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocatorProperties.class)
class LocatorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Owned by this context and shut down with it, so no selector thread outlives a stopped node. */
    @Bean(destroyMethod = "shutdownNow")
    HttpClient ringHttpClient(LocatorProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.ring().rpcConnectTimeout())
                .build();
    }

    @Bean
    RestRingTransport ringTransport(RestClient.Builder builder, HttpClient ringHttpClient,
                                    LocatorProperties properties) {
        return RestRingTransport.create(builder, ringHttpClient, properties.ring().rpcReadTimeout());
    }
}
