package io.sectorsphere.transfer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class AgentPropertiesTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void theUdtWindowFollowsAPerConnectionMemoryBudgetUnlessSetInPackets() {
        assertThat(bind(Map.of()).udt().memoryBudget()).isEqualTo(DataSize.ofMegabytes(48));
        assertThat(bind(Map.of()).udt().windowPackets()).isZero();
        assertThat(bind(Map.of("sector.transfer.udt.memory-budget", "96MB")).udt().memoryBudget())
                .isEqualTo(DataSize.ofMegabytes(96));
        assertThat(bind(Map.of("sector.transfer.udt.window-packets", "34000")).udt().windowPackets()).isEqualTo(34000);
    }

    @Test
    void aWindowTooSmallToWorkIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> bind(Map.of("sector.transfer.udt.window-packets", "8")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("sector.transfer.udt.window-packets must be 0 (follow the memory budget) or at least 32");
        assertThatThrownBy(() -> bind(Map.of("sector.transfer.udt.memory-budget", "64KB")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("sector.transfer.udt.memory-budget must be at least 1MB");
    }

    private static AgentProperties bind(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("sector.transfer.secret", SECRET);
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("sector.transfer", AgentProperties.class);
    }
}
