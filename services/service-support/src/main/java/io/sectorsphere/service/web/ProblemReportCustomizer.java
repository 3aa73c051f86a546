package io.sectorsphere.service.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Installs {@link ProblemReportValve} as Tomcat's error report for this context's server. The
 * valve is put on the host here, named after the service; the host, finding a valve of its error
 * report class already there, adds no other.
 */
public class ProblemReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String service;

    /** @param service what refuses malformed requests, as in "the locator" */
    public ProblemReportCustomizer(String service) {
        this.service = service;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ProblemReportValve) {
                        return;
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve(service));
            }
        });
    }
}
