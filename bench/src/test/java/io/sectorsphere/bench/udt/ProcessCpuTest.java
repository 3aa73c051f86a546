package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAddUpEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 91234 0 12 0 1234 566 0 0 20 0 31 0 "
                + "12345 5000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17103 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcessCpu.parseSeconds(stat)).isCloseTo(18.0, within(1e-9));
    }

    @Test
    void thisProcessHasSpentSomeCpu() throws Exception {
        assertThat(ProcessCpu.selfSeconds()).isPositive();
    }
}
