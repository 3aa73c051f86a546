package io.sectorsphere.sphere.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static InputFile file(String name, long size) {
        return new InputFile(name, size, List.of("h:1"), List.of("http://h:1"));
    }

    @Test
    void segmentSizeIsTheInputPerElementClampedToMinAndMax() {
        Segmenter segmenter = new Segmenter(1_000, 100_000, file -> new long[0]);
        assertThat(segmenter.segmentSize(80_000, 8)).isEqualTo(10_000);
        assertThat(segmenter.segmentSize(800, 8)).isEqualTo(1_000);
        assertThat(segmenter.segmentSize(80_000_000, 8)).isEqualTo(100_000);
    }

    @Test
    void fixedRecordsAreCutOnRecordBoundariesAndNeverAcrossFiles() {
        Segmenter segmenter = new Segmenter(1, Long.MAX_VALUE, file -> new long[0]);
        List<Segment> segments = segmenter.segments(List.of(file("a", 1_000), file("b", 500)), RecordFormat.fixed(100),
                UnitKind.SEGMENT, 5);

        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.offset() % 100).isZero();
            assertThat(segment.length() % 100).isZero();
            assertThat(segment.offset() + segment.length()).isLessThanOrEqualTo(segment.file().size());
        });
        assertCovers(segments, "a", 1_000);
        assertCovers(segments, "b", 500);
        assertThat(segments).extracting(Segment::index).containsExactly(
                java.util.stream.IntStream.range(0, segments.size()).boxed().toArray(Integer[]::new));
    }

    @Test
    void indexedRecordsAreCutAtOffsetsOfTheIndex() {
        long[] offsets = {0, 7, 19, 20, 55, 80, 81, 99, 130};
        Segmenter segmenter = new Segmenter(1, Long.MAX_VALUE, file -> offsets);
        List<Segment> segments = segmenter.segments(List.of(file("t", 130)), RecordFormat.index(), UnitKind.SEGMENT, 4);

        assertThat(segments).hasSizeGreaterThan(1);
        List<Long> starts = LongStream.of(offsets).boxed().toList();
        assertThat(segments).allSatisfy(segment -> assertThat(starts).contains(segment.offset()));
        assertCovers(segments, "t", 130);
    }

    @Test
    void aFileUnitTakesEachFileWholeAndSkipsEmptyOnes() {
        Segmenter segmenter = new Segmenter(1, 10, file -> new long[0]);
        List<Segment> segments = segmenter.segments(List.of(file("a", 1_000), file("empty", 0), file("b", 7)),
                RecordFormat.lines(), UnitKind.FILE, 8);
        assertThat(segments).extracting(segment -> segment.file().name() + "@" + segment.offset() + "+" + segment.length())
                .containsExactly("a@0+1000", "b@0+7");
    }

    @Test
    void aFixedFileThatIsNotWholeRecordsIsRefused() {
        Segmenter segmenter = new Segmenter(1, 100, file -> new long[0]);
        assertThatThrownBy(() -> segmenter.segments(List.of(file("odd", 150)), RecordFormat.fixed(100), UnitKind.SEGMENT, 2))
                .hasMessageContaining("not a whole number of 100-byte records");
    }

    @Test
    void anIndexThatDoesNotEndAtTheFileSizeIsRefused() {
        Segmenter segmenter = new Segmenter(1, 100, file -> new long[] {0, 10, 20});
        assertThatThrownBy(() -> segmenter.segments(List.of(file("t", 30)), RecordFormat.index(), UnitKind.SEGMENT, 2))
                .hasMessageContaining("does not match the file");
    }

    private static void assertCovers(List<Segment> segments, String name, long size) {
        long next = 0;
        for (Segment segment : segments) {
            if (segment.file().name().equals(name)) {
                assertThat(segment.offset()).as("segments of %s are contiguous", name).isEqualTo(next);
                next = segment.offset() + segment.length();
            }
        }
        assertThat(next).as("segments of %s cover it", name).isEqualTo(size);
    }
}
