package io.sectorsphere.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectorClientConfigTest {

    @Test
    void theEnvironmentNamesEndpointTokenAndOptionallyTheLocator() {
        SectorClientConfig config = SectorClientConfig.fromEnvironment(
                Map.of("SECTOR_ENDPOINT", "https://node-3.example:6200/", "SECTOR_TOKEN", " t0ken "));

        assertThat(config.endpoint()).isEqualTo(URI.create("https://node-3.example:6200"));
        assertThat(config.locator()).isEqualTo(URI.create("https://node-3.example:6100"));
        assertThat(config.token()).isEqualTo("t0ken");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain("t0ken");

        SectorClientConfig explicit = SectorClientConfig.fromEnvironment(
                Map.of("SECTOR_ENDPOINT", "http://10.0.0.1:6200", "SECTOR_LOCATOR", "http://10.0.0.9:7100"));
        assertThat(explicit.locator()).isEqualTo(URI.create("http://10.0.0.9:7100"));
        assertThat(explicit.token()).isNull();
    }

    @Test
    void withoutAnEnvironmentTheClientTalksToTheLocalClustersFirstNode() {
        SectorClientConfig config = SectorClientConfig.fromEnvironment(Map.of());

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.11:6200"));
        assertThat(config.locator()).isEqualTo(URI.create("http://127.0.0.11:6100"));
    }

    @Test
    void endpointsMustBePlainHttpUrls() {
        for (String bad : new String[] {"ftp://h:1", "h:6200", "http://h:1/?q=1", "http://user@h:1", "not a url"}) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> SectorClientConfig.fromEnvironment(Map.of("SECTOR_ENDPOINT", bad)));
        }
    }
}
