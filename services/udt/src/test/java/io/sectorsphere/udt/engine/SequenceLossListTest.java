package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.packet.NakPacket;
import org.junit.jupiter.api.Test;

class SequenceLossListTest {

    @Test
    void firstLossIsFoundAcrossTheSequenceWrap() {
        SequenceLossList losses = new SequenceLossList(128);
        int nearMax = SequenceNumbers.MAX - 2;
        losses.addRange(SequenceNumbers.MAX, 3);

        assertThat(losses.count()).isEqualTo(5);
        assertThat(losses.first(nearMax)).isEqualTo(SequenceNumbers.MAX);
        losses.removeBefore(nearMax, 1);
        assertThat(losses.first(1)).isEqualTo(1);
        assertThat(losses.count()).isEqualTo(3);
    }

    @Test
    void compressedListUsesRangesAndSingles() {
        SequenceLossList losses = new SequenceLossList(128);
        losses.addRange(10, 12);
        losses.add(20);

        assertThat(losses.compressed(5, 100)).containsExactly(10 | NakPacket.RANGE_START, 12, 20);
        assertThat(losses.compressed(5, 2)).containsExactly(10 | NakPacket.RANGE_START, 12);
    }

    @Test
    void memoryIsFixedByCapacity() {
        SequenceLossList losses = new SequenceLossList(100);
        assertThat(losses.capacity()).isEqualTo(128);
        assertThat(losses.addRange(0, 127)).isEqualTo(128);
        assertThat(losses.add(128)).as("the same slot as 0: callers keep numbers within the window").isFalse();
    }
}
