package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossTallyTest {

    private static final int RANGE = 0x8000_0000;

    private final LossTally tally = new LossTally(99);

    @Test
    void countsSinglesAndRanges() {
        tally.onLoss(new int[] {105, 110 | RANGE, 114});

        assertThat(tally.lost()).isEqualTo(6);
    }

    @Test
    void aRepeatedNakCountsOnlyTheLossesItAdds() {
        tally.onLoss(new int[] {105, 110 | RANGE, 114});

        tally.onLoss(new int[] {105, 110 | RANGE, 114, 120 | RANGE, 121});

        assertThat(tally.lost()).isEqualTo(8);
    }

    @Test
    void theRateIsLossesOverNewPacketsSentAndRestartsEmpty() {
        for (int i = 0; i < 50; i++) {
            tally.onSent();
        }
        tally.onLoss(new int[] {101});

        assertThat(tally.lossRate()).isEqualTo(0.02);
        tally.restart();
        assertThat(tally.lossRate()).isZero();
        assertThat(tally.lost()).isZero();
    }
}
