package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportedLossesTest {

    private final ReportedLosses losses = new ReportedLosses();

    @Test
    void countsEachLossOnceAndTellsNewGapsFromRepeats() {
        assertThat(losses.onLoss(new int[] {10 | 0x8000_0000, 14})).isTrue();
        assertThat(losses.onLoss(new int[] {10 | 0x8000_0000, 14})).isFalse();
        assertThat(losses.onLoss(new int[] {12, 20})).isTrue();

        assertThat(losses.unrepairedCount()).isEqualTo(6);
        assertThat(losses.newestLost()).isEqualTo(20);
    }

    @Test
    void anAckPassingLossesRepairsThem() {
        losses.onLoss(new int[] {10 | 0x8000_0000, 14});
        losses.onLoss(new int[] {20});

        losses.onAck(12);

        assertThat(losses.unrepairedCount()).isEqualTo(4);
        assertThat(losses.holeBefore(12)).isTrue();
        losses.onAck(21);
        assertThat(losses.unrepairedCount()).isZero();
        assertThat(losses.holeBefore(21)).isFalse();
    }

    @Test
    void noHoleBeforeAnyLoss() {
        assertThat(losses.holeBefore(5)).isFalse();
    }
}
