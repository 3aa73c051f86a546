package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedWindowTest {

    /** A flow whose receiver reports the given counts in turn, the last one from then on. */
    private static Flow counting(Long... counts) {
        Iterator<Long> next = List.of(counts).iterator();
        return new Flow() {
            private long last;

            @Override
            public void begin() {
            }

            @Override
            public long deliveredBytes() {
                last = next.hasNext() ? next.next() : last;
                return last;
            }

            @Override
            public FlowResult await() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theWindowOpensOnlyOnceEveryFlowDeliversAndCountsTheSameSpanForAll() throws Exception {
        // Three polls until the second flow delivers, then the window's two readings: what the
        // first flow got before the second started is not counted.
        Flow early = counting(500L, 900L, 1_000L, 1_000L, 3_000L);
        Flow late = counting(0L, 0L, 10L, 10L, 1_010L);

        List<Double> mbps = SharedWindow.measure(List.of(early, late), Duration.ofMillis(20), Duration.ofSeconds(5));

        assertThat(mbps.get(0) / mbps.get(1)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aFlowThatNeverDeliversFailsTheWindow() {
        assertThatThrownBy(() -> SharedWindow.measure(List.of(counting(5L), counting(0L)), Duration.ofMillis(20),
                Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not every flow delivered");
    }
}
