package io.sectorsphere.transfer.multisource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangePlannerTest {

    @Test
    void theWholePrefixGrowsOnlyWhenTheRangesBeforeItAreWritten() throws Exception {
        RangePlanner planner = new RangePlanner(3000, 1000, 1000, 0);
        ByteRange first = planner.next(1000, 3).orElseThrow();
        ByteRange second = planner.next(1000, 3).orElseThrow();
        ByteRange third = planner.next(1000, 3).orElseThrow();

        planner.completed(third);
        planner.failed(second, 400);
        planner.completed(first);
        long afterFirst = planner.awaitWrittenBeyond(0);
        ByteRange rest = planner.next(1000, 3).orElseThrow();
        planner.completed(rest);

        assertThat(afterFirst).as("first range and the written head of the failed second").isEqualTo(1400);
        assertThat(rest).isEqualTo(new ByteRange(1400, 600));
        assertThat(planner.awaitWrittenBeyond(1400)).isEqualTo(3000);
        planner.close();
        assertThat(planner.awaitWrittenBeyond(3000)).as("closed: returns at once").isEqualTo(3000);
    }

    @Test
    void rangesAreDisjointAndCoverTheFile() throws Exception {
        RangePlanner planner = new RangePlanner(10_000, 100, 4000, 0);
        List<ByteRange> ranges = new ArrayList<>();
        Optional<ByteRange> next;
        while ((next = planner.next(1500, 1)).isPresent()) {
            ranges.add(next.get());
            planner.completed(next.get());
        }

        long expected = 0;
        for (ByteRange range : ranges) {
            assertThat(range.offset()).isEqualTo(expected);
            expected = range.end();
        }
        assertThat(expected).isEqualTo(10_000);
        assertThat(planner.complete()).isTrue();
    }

    @Test
    void aRangeFollowsTheAskingSourcesPreferenceWithinTheBounds() throws Exception {
        RangePlanner planner = new RangePlanner(1_000_000, 100, 4000, 0);

        assertThat(planner.next(2000, 1).orElseThrow().length()).isEqualTo(2000);
        assertThat(planner.next(10, 1).orElseThrow().length()).isEqualTo(100);
        assertThat(planner.next(1_000_000, 1).orElseThrow().length()).isEqualTo(4000);
    }

    @Test
    void nearTheEndRangesShrinkToAShareOfWhatIsLeft() throws Exception {
        RangePlanner planner = new RangePlanner(3000, 100, 4000, 0);

        assertThat(planner.next(4000, 3).orElseThrow().length()).isEqualTo(1000);
    }

    @Test
    void theUnfetchedRestOfAFailedRangeIsHandedOutAgainFirst() throws Exception {
        RangePlanner planner = new RangePlanner(10_000, 100, 4000, 0);
        ByteRange failing = planner.next(1000, 2).orElseThrow();
        planner.failed(failing, 300);

        ByteRange retried = planner.next(4000, 1).orElseThrow();

        assertThat(retried).isEqualTo(new ByteRange(300, 700));
        assertThat(planner.completedBytes()).isEqualTo(300);
    }

    @Test
    void aSourceWithNothingLeftWaitsForRangesInFlightAndTakesOverAFailure() throws Exception {
        RangePlanner planner = new RangePlanner(1000, 100, 4000, 0);
        ByteRange only = planner.next(4000, 1).orElseThrow();
        List<Optional<ByteRange>> taken = new ArrayList<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                taken.add(planner.next(4000, 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        planner.failed(only, 400);
        waiter.join();

        assertThat(taken).containsExactly(Optional.of(new ByteRange(400, 600)));
    }

    @Test
    void nothingIsHandedOutOnceAllIsDone() throws Exception {
        RangePlanner planner = new RangePlanner(100, 100, 100, 0);
        planner.completed(planner.next(100, 1).orElseThrow());

        assertThat(planner.next(100, 1)).isEmpty();
        assertThat(new RangePlanner(0, 1, 1, 0).next(1, 1)).isEmpty();
    }

    @Test
    void aPrefixAlreadyThereIsNeverHandedOutAndCountsAsWritten() throws Exception {
        RangePlanner planner = new RangePlanner(1000, 100, 4000, 300);

        assertThat(planner.writtenPrefix()).isEqualTo(300);
        assertThat(planner.completedBytes()).isEqualTo(300);
        ByteRange rest = planner.next(4000, 1).orElseThrow();
        assertThat(rest).isEqualTo(new ByteRange(300, 700));
        planner.completed(rest);
        assertThat(planner.complete()).isTrue();
    }
}
