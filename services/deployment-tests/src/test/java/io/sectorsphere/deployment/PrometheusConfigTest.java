package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.PlainYaml.list;
import static io.sectorsphere.deployment.PlainYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/prometheus: valid for Prometheus, and scraping what the compose file and the chart run. */
class PrometheusConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"deploy/prometheus/prometheus.yml", "deploy/prometheus/kubernetes.yml"})
    void promtoolAcceptsTheConfig(String file) {
        Tool.PROMTOOL.assumeInstalled();

        Tool.Result check = Tool.PROMTOOL.run(Repository.root(), "check", "config", Repository.root().resolve(file).toString());

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
        "sector-transfer, 6300",
        "sector-sphere, 6400",
    })
    void scrapesTheActuatorEndpointOfEveryServiceOfThatKindInTheComposeFile(String prefix, int port) {
        Map<String, Object> job = job(prefix);
        List<Object> targets = list(list(job, "static_configs").getFirst(), "targets");

        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(composeServices(prefix).stream().map(s -> s + ":" + port).toList());
    }

    @Test
    void onKubernetesEveryHttpPortOfTheNodesHeadlessServiceIsFoundThroughItsSrvRecord() {
        // Rendered as the config's comment says: release "sector" in namespace "sector", cluster domain cluster.local.
        Service headless = ChartObjects.service(ChartRenderer.render(), "sector-node");
        // The transfer agent's data ports speak UDT and the data protocol, not HTTP: never scraped.
        List<String> expected = headless.getSpec().getPorts().stream()
                .filter(port -> port.getName().endsWith("-http"))
                .map(port -> "_%s._tcp.%s.sector.svc.cluster.local".formatted(port.getName(), headless.getMetadata().getName()))
                .toList();

        List<Object> discoveries = scrapeConfigs(Repository.kubernetesPrometheusConfig()).stream()
                .flatMap(job -> list(job, "dns_sd_configs").stream())
                .toList();

        assertThat(discoveries).allSatisfy(sd -> assertThat(asMap(sd)).containsEntry("type", "SRV"));
        assertThat(discoveries.stream().flatMap(sd -> list(sd, "names").stream()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void kubernetesAndComposeConfigsHaveTheSameJobsAtTheSamePath() {
        List<Map<String, Object>> kubernetes = scrapeConfigs(Repository.kubernetesPrometheusConfig());
        List<Map<String, Object>> compose = scrapeConfigs(Repository.prometheusConfig());

        assertThat(kubernetes).extracting(job -> job.get("job_name"))
                .containsExactlyInAnyOrderElementsOf(compose.stream().map(job -> job.get("job_name")).toList());
        assertThat(kubernetes).allSatisfy(job -> assertThat(job).containsEntry("metrics_path", "/actuator/prometheus"));
    }

    private static List<Map<String, Object>> scrapeConfigs(Path file) {
        return list(PlainYaml.read(file), "scrape_configs").stream().map(PrometheusConfigTest::asMap).toList();
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
