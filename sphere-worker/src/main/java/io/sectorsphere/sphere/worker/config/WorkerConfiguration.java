package io.sectorsphere.sphere.worker.config;

import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SphereProperties.class)
public class WorkerConfiguration {

    /** Calls to other workers, storage nodes and the locator; data moves in large bodies, so no overall timeout. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A JSON answer slower than this counts as no answer. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** A file or bucket part moving between nodes of one site. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

    @Bean
    HttpClient workerHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** JSON calls to the locator, the storage nodes and other workers. */
    @Bean
    RestClient workerRestClient(RestClient.Builder builder, HttpClient workerHttpClient) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(workerHttpClient);
        requestFactory.setReadTimeout(READ_TIMEOUT);
        return builder.requestFactory(requestFactory).build();
    }

    @Bean
    StorageGateway storageGateway(RestClient workerRestClient, HttpClient workerHttpClient) {
        return new StorageGateway(workerRestClient, workerHttpClient, TRANSFER_TIMEOUT);
    }

    /** How long a file or bucket part may take to move. */
    @Bean
    TransferTimeout transferTimeout() {
        return new TransferTimeout(TRANSFER_TIMEOUT);
    }

    /** The longest a file or bucket part may take to move between two nodes. */
    public record TransferTimeout(Duration value) {
    }
}
