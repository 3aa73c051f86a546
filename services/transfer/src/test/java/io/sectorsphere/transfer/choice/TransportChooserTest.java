package io.sectorsphere.transfer.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.transfer.transport.PathQuality;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportChooserTest {

    private final TransportChooser chooser = new TransportChooser(5, 0, true);

    @Test
    void shortCleanPathsUseTcpAndLongOrLossyOnesUdt() {
        assertThat(chooser.choose(TransportPreference.AUTO, Optional.of(new PathQuality(0.2, 0)))).isEqualTo("tcp");
        assertThat(chooser.choose(TransportPreference.AUTO, Optional.of(new PathQuality(40, 0)))).isEqualTo("udt");
        assertThat(chooser.choose(TransportPreference.AUTO, Optional.of(new PathQuality(1, 0.001)))).isEqualTo("udt");
        assertThat(chooser.choose(TransportPreference.AUTO, Optional.empty())).isEqualTo("tcp");
    }

    @Test
    void anExplicitPreferenceWins() {
        assertThat(chooser.choose(TransportPreference.TCP, Optional.of(new PathQuality(200, 0.01)))).isEqualTo("tcp");
        assertThat(chooser.choose(TransportPreference.UDT, Optional.of(new PathQuality(0.1, 0)))).isEqualTo("udt");
    }

    @Test
    void withoutUdtEverythingGoesOverTcpAndAskingForUdtFails() {
        TransportChooser tcpOnly = new TransportChooser(5, 0, false);

        assertThat(tcpOnly.choose(TransportPreference.AUTO, Optional.of(new PathQuality(200, 0.1)))).isEqualTo("tcp");
        assertThatThrownBy(() -> tcpOnly.choose(TransportPreference.UDT, Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void preferencesParseInAnyCase() {
        assertThat(TransportPreference.parse(" UDT ")).isEqualTo(TransportPreference.UDT);
        assertThat(TransportPreference.parse(null)).isEqualTo(TransportPreference.AUTO);
        assertThatThrownBy(() -> TransportPreference.parse("sctp")).isInstanceOf(IllegalArgumentException.class);
    }
}
