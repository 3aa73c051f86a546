package io.sectorsphere.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FileNamePathsTest {

    @Test
    void encodesEverySegmentButKeepsTheSlashes() {
        assertThat(FileNamePaths.encode(FileName.of("data/été 1.csv"))).isEqualTo("data/%C3%A9t%C3%A9%201.csv");
        assertThat(FileNamePaths.encode(FileName.of("a;b/c?d#e%f+g"))).isEqualTo("a%3Bb/c%3Fd%23e%25f%2Bg");
        assertThat(FileNamePaths.encode(FileName.of("x.y-z_~"))).isEqualTo("x.y-z_~");
    }

    @Test
    void decodesBackToTheName() {
        FileName name = FileName.of("weird/ü ;%?#[]@!$&'()*+,=:.idx");
        URI uri = URI.create("http://h:1/api/v1/files/" + FileNamePaths.encode(name));
        assertThat(uri.getPath()).isEqualTo("/api/v1/files/" + name.value());
    }
}
