package io.sectorsphere.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The files under test, found from wherever the tests run inside the repository. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("helm"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and helm/) above " + dir);
    }

    static Path chart() {
        return root().resolve("helm/sector");
    }

    static Path composeFile() {
        return root().resolve("docker-compose.yml");
    }

    static Path prometheusConfig() {
        return root().resolve("deploy/prometheus/prometheus.yml");
    }

    /** The Prometheus config for the chart's pods on Kubernetes. */
    static Path kubernetesPrometheusConfig() {
        return root().resolve("deploy/prometheus/kubernetes.yml");
    }

    /** The Maven project version, which is also the image tag the deployment files must use. */
    static String projectVersion() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(root().resolve("pom.xml").toFile()).getDocumentElement();
            var children = project.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                    return e.getTextContent().trim();
                }
            }
            throw new IllegalStateException("root pom.xml has no <version>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read root pom.xml", e);
        }
    }
}
