package io.sectorsphere.sphere.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordFormatTest {

    @Test
    void parsesWhatItPrints() {
        for (RecordFormat format : new RecordFormat[] {RecordFormat.index(), RecordFormat.lines(), RecordFormat.fixed(100)}) {
            assertThat(RecordFormat.parse(format.toString())).isEqualTo(format);
        }
    }

    @Test
    void refusesSizesThatMeanNothing() {
        assertThatThrownBy(() -> RecordFormat.parse("fixed:0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> RecordFormat.parse("fixed:x")).hasMessageContaining("not a record size");
        assertThatThrownBy(() -> RecordFormat.parse("csv")).hasMessageContaining("index, lines or fixed:N");
    }
}
