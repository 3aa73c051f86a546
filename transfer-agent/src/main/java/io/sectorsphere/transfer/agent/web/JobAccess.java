package io.sectorsphere.transfer.agent.web;

import io.sectorsphere.common.security.CidrBlock;
import io.sectorsphere.transfer.agent.config.AgentProperties;
import java.net.InetAddress;
import java.util.List;
import org.springframework.stereotype.Component;

/** Whether a client may submit jobs: its TCP address must be in {@code sector.transfer.security.jobs-allow}. */
@Component
class JobAccess {

    private final List<CidrBlock> allowed;

    JobAccess(AgentProperties properties) {
        this.allowed = properties.security().jobsAllowBlocks();
    }

    void requireAllowed(String remoteAddress) {
        try {
            InetAddress address = InetAddress.ofLiteral(remoteAddress);
            if (allowed.stream().anyMatch(block -> block.contains(address))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // Not an address literal: never allowed.
        }
        throw new JobsNotAllowedException(remoteAddress);
    }

    static final class JobsNotAllowedException extends RuntimeException {

        JobsNotAllowedException(String remoteAddress) {
            super(remoteAddress + " may not submit transfer jobs (sector.transfer.security.jobs-allow)");
        }
    }
}
