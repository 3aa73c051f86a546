package io.sectorsphere.localcluster;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** What the small clients of the nodes' REST APIs share: how they connect and how they ask for readiness. */
final class NodeRest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private NodeRest() {
    }

    static RestClient client(String baseUrl, HttpClient http) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /** Whether the node's readiness probe answers with success; a node that does not answer is not ready. */
    static boolean isReady(RestClient rest) {
        try {
            return rest.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity()
                    .getStatusCode().is2xxSuccessful();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
