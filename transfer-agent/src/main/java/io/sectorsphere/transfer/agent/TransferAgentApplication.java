package io.sectorsphere.transfer.agent;

import io.sectorsphere.service.web.ServiceWebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A node's transfer agent: serves its data directory's files over TCP and UDT to holders of a
 * signed read ticket, takes pushes with a write ticket, and runs transfer jobs over REST. Its
 * framework defaults are applied by {@link io.sectorsphere.transfer.agent.config.AgentDefaults}.
 */
@SpringBootApplication
@Import(ServiceWebConfiguration.class)
public class TransferAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransferAgentApplication.class, args);
    }
}
