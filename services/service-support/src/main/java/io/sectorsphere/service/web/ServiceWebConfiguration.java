package io.sectorsphere.service.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared web infrastructure of a deployable, imported by its application class
 * ({@code @Import(ServiceWebConfiguration.class)}): it lives outside the application's package, so
 * component scanning does not find it, and several deployables may run as contexts in one JVM.
 * The service's own {@link ServiceProblemHandler} names the service in Tomcat's error reports.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceWebConfiguration {

    @Bean
    ProblemReportCustomizer problemReportCustomizer(ObjectProvider<ServiceProblemHandler> handler) {
        ServiceProblemHandler given = handler.getIfUnique();
        return new ProblemReportCustomizer(given != null ? given.service() : ServiceProblemHandler.DEFAULT_SERVICE);
    }
}
