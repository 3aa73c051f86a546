package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CongestionControlsTest {

    @Test
    void fairIsTheDefault() {
        assertThat(CongestionControls.create(CongestionControls.DEFAULT)).isInstanceOf(FairCongestionControl.class);
    }

    @Test
    void everyNameCreatesAFreshControllerOfThatName() {
        assertThat(CongestionControls.names()).containsExactly("dedicated", "fair", "native");
        for (String name : CongestionControls.names()) {
            CongestionControl control = CongestionControls.create(name);
            assertThat(control.name()).isEqualTo(name);
            assertThat(CongestionControls.create(name)).isNotSameAs(control);
        }
    }

    @Test
    void anUnknownNameIsRejectedWithTheChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> CongestionControls.create("bbr"))
                .withMessageContaining("dedicated, fair, native");
    }
}
