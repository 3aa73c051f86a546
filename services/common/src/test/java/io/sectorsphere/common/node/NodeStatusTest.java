package io.sectorsphere.common.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NodeStatusTest {

    @Test
    void acceptsAWellFormedHeartbeat() {
        NodeStatus status = new NodeStatus("10.0.0.1:6200", "http://10.0.0.1:6200", "10.0.0.1:6301", 100, 40, 3, 30);
        assertThat(status.freeBytes()).isEqualTo(40);
    }

    @Test
    void rejectsBadAddressesNegativeNumbersAndNoLifetime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h", "http://h:1", "h:2", 1, 1, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h:1", "h:1", "h:2", 1, 1, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h:1", "http://h:1", "h", 1, 1, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h:1", "http://h:1", "h:2", -1, 1, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h:1", "http://h:1", "h:2", 1, 1, -1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeStatus("h:1", "http://h:1", "h:2", 1, 1, 1, 0));
    }
}
