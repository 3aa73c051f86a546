package io.sectorsphere.storage.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void readsClosedOpenAndSuffixRanges() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 99)));
        assertThat(ByteRange.of("bytes=900-", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 999)));
        assertThat(ByteRange.of("bytes=990-5000", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(990, 999)));
        assertThat(new ByteRange(990, 999).contentRange(1000)).isEqualTo("bytes 990-999/1000");
    }

    @Test
    void rangesStartingAtOrBeyondTheEndAreUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=99999999999999999999-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=-", "bytes=a-b", "0-1"})
    void headersThatAreNotOneValidRangeAreIgnored(String header) {
        assertThat(ByteRange.of(header, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void noHeaderMeansTheWholeFile() {
        assertThat(ByteRange.of(null, 10)).isInstanceOf(ByteRange.Whole.class);
    }
}
