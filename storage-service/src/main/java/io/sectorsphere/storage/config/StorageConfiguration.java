package io.sectorsphere.storage.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The per-context infrastructure of a storage node: its clock and the HTTP clients of its calls to peers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs this node's periodic work (rescans, publishing, heartbeats), owned by this context so that
     * several nodes in one JVM never share one and nothing outlives a stopped node.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService storageScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2,
                Thread.ofPlatform().name("storage-periodic-", 0).daemon().factory());
        // Started now, not by the first request that schedules something, so no thread carries a
        // request's class loader (Tomcat reports those as leaks).
        scheduler.prestartAllCoreThreads();
        return scheduler;
    }

    /**
     * Streams bytes to and from other nodes (proxying, replication, deletes, RTT probes). Owned by
     * this context and shut down with it; never follows redirects, so a hop is always deliberate.
     */
    @Bean(destroyMethod = "shutdownNow")
    HttpClient peerHttpClient(StorageProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.peers().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** JSON calls to the locator and to other nodes' listings. */
    @Bean
    RestClient peerRestClient(RestClient.Builder builder, HttpClient peerHttpClient, StorageProperties properties) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(peerHttpClient);
        requestFactory.setReadTimeout(properties.peers().readTimeout());
        return builder.requestFactory(requestFactory).build();
    }
}
