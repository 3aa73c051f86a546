package io.sectorsphere.bench.terasort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeraValidateReportTest {

    @Test
    void aReportWithOnlyTheExpectedChecksumAccepts() {
        TeraValidateReport report = TeraValidateReport.parse(List.of("checksum\t4c49607ac53602"));

        assertThat(report.checksum()).isEqualTo("4c49607ac53602");
        assertThat(report.accepts("4c49607ac53602")).isTrue();
    }

    @Test
    void anotherChecksumDoesNotAccept() {
        assertThat(TeraValidateReport.parse(List.of("checksum\t4c49607ac53601")).accepts("4c49607ac53602")).isFalse();
    }

    @Test
    void aMisorderLineDoesNotAcceptEvenWithTheRightChecksum() {
        TeraValidateReport report = TeraValidateReport.parse(List.of(
                "misorder in part-r-00001:0\tlast: '00 11' current: '00 10'", "checksum\t4c49607ac53602"));

        assertThat(report.errors()).hasSize(1);
        assertThat(report.accepts("4c49607ac53602")).isFalse();
    }

    @Test
    void aReportWithoutChecksumDoesNotAccept() {
        TeraValidateReport report = TeraValidateReport.parse(List.of());

        assertThat(report.checksum()).isNull();
        assertThat(report.accepts("4c49607ac53602")).isFalse();
    }
}
