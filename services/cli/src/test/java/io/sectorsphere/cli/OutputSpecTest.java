package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.sphere.OutputRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three forms of --output. */
class OutputSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "caller            | CALLER  | -          | -",
        "CALLER            | CALLER  | -          | -",
        "local:out         | LOCAL   | out        | -",
        "local:a/b:c       | LOCAL   | a/b:c      | -",
        "buckets:16:tera/b | BUCKETS | tera/b     | 16",
        "Buckets:1:x:y     | BUCKETS | x:y        | 1"})
    void eachFormBecomesItsOutputRequest(String text, String kind, String prefix, Integer buckets) {
        assertThat(OutputSpec.parse(text)).isEqualTo(new OutputRequest(kind, prefix, buckets, null));
    }
}
