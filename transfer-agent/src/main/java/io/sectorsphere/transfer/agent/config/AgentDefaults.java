package io.sectorsphere.transfer.agent.config;

import io.sectorsphere.service.config.ServiceDefaults;
import io.sectorsphere.transfer.agent.TransferAgentApplication;

/**
 * Adds {@code transfer-agent.properties} (port 6300, problem details, probes, ...) to a transfer
 * agent's environment below everything else; see {@link ServiceDefaults}.
 */
public class AgentDefaults extends ServiceDefaults {

    public AgentDefaults() {
        super(TransferAgentApplication.class, "transfer-agent.properties");
    }
}
