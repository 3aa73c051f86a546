package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.PlainYaml.list;
import static io.sectorsphere.deployment.PlainYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/prometheus: valid for Prometheus, and scraping what the compose file runs. */
class PrometheusConfigTest {

    @Test
    void promtoolAcceptsTheConfig() {
        Tool.PROMTOOL.assumeInstalled();

        Tool.Result check = Tool.PROMTOOL.run(Repository.root(), "check", "config", Repository.prometheusConfig().toString());

        assertThat(check.exitCode()).as(check.describe()).isZero();
    }

    @Test
    void promtoolRejectsAMisspelledSetting(@TempDir Path dir) throws Exception {
        Tool.PROMTOOL.assumeInstalled();
        // Shows that 'check config' is a real check.
        Path broken = Files.writeString(dir.resolve("prometheus.yml"), """
                scrape_configs:
                  - job_name: sector-locator
                    metric_path: /actuator/prometheus
                """);

        assertThat(Tool.PROMTOOL.run(dir, "check", "config", broken.toString()).exitCode()).isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sector-locator, 6100",
        "sector-storage, 6200",
    })
    void scrapesTheActuatorEndpointOfEveryServiceOfThatKindInTheComposeFile(String prefix, int port) {
        Map<String, Object> job = job(prefix);
        List<Object> targets = list(list(job, "static_configs").getFirst(), "targets");

        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(composeServices(prefix).stream().map(s -> s + ":" + port).toList());
    }

    private static Map<String, Object> job(String name) {
        return list(PlainYaml.read(Repository.prometheusConfig()), "scrape_configs").stream()
                .map(PrometheusConfigTest::asMap)
                .filter(job -> name.equals(job.get("job_name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scrape job " + name));
    }

    /** Read from the file directly, so this check runs where docker-compose is not installed. */
    private static List<String> composeServices(String prefix) {
        List<String> names = map(PlainYaml.read(Repository.composeFile()), "services").keySet().stream()
                .filter(name -> name.startsWith(prefix + "-"))
                .toList();
        assertThat(names).isNotEmpty();
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }
}
