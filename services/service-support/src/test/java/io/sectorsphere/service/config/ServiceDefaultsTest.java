package io.sectorsphere.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsTest {

    static class ThisService {
    }

    static class OtherService {
    }

    static class TestDefaults extends ServiceDefaults {
        TestDefaults() {
            super(ThisService.class, "service-defaults-test.properties");
        }
    }

    @Test
    void addsTheDefaultsBelowEverythingElse() {
        StandardEnvironment environment = new StandardEnvironment();
        new TestDefaults().postProcessEnvironment(environment, new SpringApplication(ThisService.class));

        assertThat(environment.getProperty("server.port")).isEqualTo("6900");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .isEqualTo(ServiceDefaults.DEFAULT_PROPERTIES);
    }

    @Test
    void givenDefaultPropertiesWinOverTheFile() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(
                new MapPropertySource(ServiceDefaults.DEFAULT_PROPERTIES, Map.of("server.port", "0")));
        new TestDefaults().postProcessEnvironment(environment, new SpringApplication(ThisService.class));

        assertThat(environment.getProperty("server.port")).isEqualTo("0");
        assertThat(environment.getProperty("sector.test.only-default")).isEqualTo("yes");
    }

    @Test
    void leavesOtherApplicationsAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        new TestDefaults().postProcessEnvironment(environment, new SpringApplication(OtherService.class));

        assertThat(environment.getProperty("server.port")).isNull();
        assertThat(environment.getPropertySources().contains(ServiceDefaults.DEFAULT_PROPERTIES)).isFalse();
    }
}
