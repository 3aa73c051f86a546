package io.sectorsphere.chord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void idOfAddressIsTheFirst128BitsOfItsSha1() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest("127.0.0.11:6100".getBytes(StandardCharsets.UTF_8));
        BigInteger first128 = new BigInteger(1, digest).shiftRight(32);

        NodeId id = NodeId.ofAddress("127.0.0.11:6100");

        assertThat(new BigInteger(id.toHex(), 16)).isEqualTo(first128);
    }

    @Test
    void hexFormRoundTrips() {
        NodeId id = NodeId.ofKey("sdss/dr5/catalog-001.dat");

        assertThat(NodeId.parse(id.toHex())).isEqualTo(id);
        assertThat(id.toHex()).hasSize(32);
    }

    @Test
    void malformedHexIsRejected() {
        assertThatThrownBy(() -> NodeId.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.parse("g".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingAPowerOfTwoCarriesAndWrapsAroundTheRing() {
        NodeId lowAllOnes = new NodeId(0, -1L);
        assertThat(lowAllOnes.plusPowerOfTwo(0)).isEqualTo(new NodeId(1, 0));

        NodeId top = new NodeId(-1L, -1L);
        assertThat(top.plusPowerOfTwo(0)).isEqualTo(new NodeId(0, 0));
        assertThat(new NodeId(0, 0).plusPowerOfTwo(127)).isEqualTo(new NodeId(Long.MIN_VALUE, 0));
    }

    @Test
    void intervalsFollowTheRingAcrossZero() {
        NodeId a = new NodeId(0, 10);
        NodeId b = new NodeId(0, 20);
        NodeId high = new NodeId(-1L, 5);

        assertThat(new NodeId(0, 15).isBetween(a, b)).isTrue();
        assertThat(b.isBetween(a, b)).isFalse();
        assertThat(b.isInHalfOpen(a, b)).isTrue();
        assertThat(a.isInHalfOpen(a, b)).isFalse();
        // (high, a) wraps through zero.
        assertThat(new NodeId(0, 3).isBetween(high, a)).isTrue();
        assertThat(new NodeId(0, 15).isBetween(high, a)).isFalse();
        // (x, x) is everything but x; (x, x] is everything.
        assertThat(b.isBetween(a, a)).isTrue();
        assertThat(a.isBetween(a, a)).isFalse();
        assertThat(a.isInHalfOpen(a, a)).isTrue();
    }

    @Test
    void distanceIsClockwise() {
        NodeId a = new NodeId(0, 10);
        NodeId b = new NodeId(0, 20);

        assertThat(a.distanceTo(b)).isEqualTo(new NodeId(0, 10));
        assertThat(b.distanceTo(a)).isEqualTo(new NodeId(-1L, -10L));
        assertThat(new NodeId(0, 0).fractionTo(new NodeId(Long.MIN_VALUE, 0))).isEqualTo(0.5);
    }

    @Test
    void aClaimedIdMustBeTheHashOfTheAddress() {
        NodeRef real = NodeRef.of("127.0.0.12:6100");

        assertThat(NodeRef.verified(real.id(), "127.0.0.12:6100")).isEqualTo(real);
        assertThatThrownBy(() -> NodeRef.verified(real.id(), "127.0.0.13:6100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the SHA-1");
    }

    @Test
    void malformedAddressesAreRejected() {
        for (String bad : new String[] {"", "host", ":6100", "host:", "host:0", "host:70000", "ho st:1", "h/x:1"}) {
            assertThatThrownBy(() -> NodeRef.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
