package io.sectorsphere.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @Test
    void matchesAddressesInsideTheBlockOnly() {
        CidrBlock block = CidrBlock.parse("10.1.0.0/16");
        assertThat(block.contains(ip("10.1.255.7"))).isTrue();
        assertThat(block.contains(ip("10.2.0.1"))).isFalse();
        assertThat(block.contains(ip("::1"))).isFalse();
    }

    @Test
    void masksHostBitsAndTreatsBareAddressesAsSingleHosts() {
        assertThat(CidrBlock.parse("192.168.7.9/24").toString()).isEqualTo("192.168.7.0/24");
        CidrBlock single = CidrBlock.parse("127.0.0.1");
        assertThat(single.contains(ip("127.0.0.1"))).isTrue();
        assertThat(single.contains(ip("127.0.0.2"))).isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(ip("203.0.113.5"))).isTrue();
    }

    @Test
    void matchesIpv6Blocks() {
        assertThat(CidrBlock.parse("::1/128").contains(ip("::1"))).isTrue();
        assertThat(CidrBlock.parse("fd00::/8").contains(ip("fd12:3456::1"))).isTrue();
        assertThat(CidrBlock.parse("fd00::/8").contains(ip("fe80::1"))).isFalse();
        assertThat(CidrBlock.parse("::1/128").contains(ip("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "example.com/8", "10.0.0/8", "::1/129"})
    void rejectsMalformedBlocks(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse(value));
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
