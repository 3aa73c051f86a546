package io.sectorsphere.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/** Renders the sector chart offline with the helm library helm-java bundles. */
final class ChartRenderer {

    static final String RELEASE = "sector";
    static final String NAMESPACE = "sector-test";
    /** The bundled helm library assumes Kubernetes 1.20, older than the chart's kubeVersion allows. */
    static final String KUBE_VERSION = "1.31.0";

    private ChartRenderer() {
    }

    static String template(Map<String, Object> values) {
        return template(RELEASE, values);
    }

    static String template(String release, Map<String, Object> values) {
        TemplateCommand command = new Helm(Repository.chart()).template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        values.forEach(command::set);
        return command.call();
    }

    static List<HasMetadata> render(Map<String, Object> values) {
        return StrictManifests.parse(template(values));
    }

    static List<HasMetadata> render(String release) {
        return StrictManifests.parse(template(release, Map.of()));
    }

    static List<HasMetadata> render() {
        return render(Map.of());
    }
}
