package io.sectorsphere.transfer.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final byte[] DIGEST = new byte[32];

    static {
        Arrays.fill(DIGEST, (byte) 7);
    }

    @Test
    void aRequestSurvivesTheRoundTrip() throws IOException {
        Request request = Request.put("tick-et_1", "dir/été.bin", 12345, DIGEST);

        Request read = FrameCodec.readRequest(new ByteArrayInputStream(bytesOf(request)));

        assertThat(read.op()).isEqualTo(Op.PUT);
        assertThat(read.ticket()).isEqualTo("tick-et_1");
        assertThat(read.name()).isEqualTo("dir/été.bin");
        assertThat(read.length()).isEqualTo(12345);
        assertThat(read.sha256()).isEqualTo(DIGEST);
    }

    @Test
    void aResponseSurvivesTheRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.writeResponse(out, Response.stat(99, DIGEST));
        FrameCodec.writeResponse(out, Response.error(Status.DENIED, "ticket refused"));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

        Response stat = FrameCodec.readResponse(in);
        Response denied = FrameCodec.readResponse(in);

        assertThat(stat.status()).isEqualTo(Status.OK);
        assertThat(stat.length()).isEqualTo(99);
        assertThat(stat.sha256()).isEqualTo(DIGEST);
        assertThat(denied.status()).isEqualTo(Status.DENIED);
        assertThat(denied.message()).isEqualTo("ticket refused");
    }

    @Test
    void aCleanEndBeforeARequestIsNoRequest() throws IOException {
        assertThat(FrameCodec.readRequest(new ByteArrayInputStream(new byte[0]))).isNull();
    }

    @Test
    void everyTruncatedRequestIsAProtocolError() throws IOException {
        byte[] whole = bytesOf(Request.get("t", "name", 1, 2));
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> FrameCodec.readRequest(new ByteArrayInputStream(truncated)))
                    .as("cut at %d", cut).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void everyTruncatedResponseIsAnIoError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.writeResponse(out, Response.error(Status.NOT_FOUND, "gone"));
        byte[] whole = out.toByteArray();
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> FrameCodec.readResponse(new ByteArrayInputStream(truncated)))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void oversizedFieldsAreRefusedBeforeTheyAreRead() {
        assertThatThrownBy(() -> FrameCodec.readRequest(header(Op.GET.code(), 0xffff))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("ticket of 65535 bytes exceeds 1024");
        ByteBuffer longName = ByteBuffer.allocate(64).putInt(FrameCodec.MAGIC).put((byte) 1).put((byte) 1)
                .putShort((short) 1).put((byte) 'x').putShort((short) 256);
        assertThatThrownBy(() -> FrameCodec.readRequest(new ByteArrayInputStream(longName.array())))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("name of 256 bytes");
    }

    @Test
    void badMagicVersionOpOrDigestAreProtocolErrors() throws IOException {
        byte[] good = bytesOf(Request.get("t", "n", 0, 1));
        assertThatThrownBy(() -> read(patched(good, 0, (byte) 'X'))).hasMessageContaining("bad magic");
        assertThatThrownBy(() -> read(patched(good, 4, (byte) 2))).hasMessageContaining("unsupported version");
        assertThatThrownBy(() -> read(patched(good, 5, (byte) 99))).hasMessageContaining("unknown op");
        assertThatThrownBy(() -> read(patched(good, good.length - 1, (byte) 5))).hasMessageContaining("digest of 5");
        assertThatThrownBy(() -> read(patched(good, good.length - 17, (byte) 0x80))).hasMessageContaining("negative");
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButAProtocolError() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(4, 200)];
            random.nextBytes(garbage);
            if (random.nextBoolean()) {
                ByteBuffer.wrap(garbage).putInt(FrameCodec.MAGIC);
            }
            try {
                FrameCodec.readRequest(new ByteArrayInputStream(garbage));
            } catch (ProtocolException expected) {
                // the only acceptable failure
            } catch (Exception e) {
                throw new AssertionError("garbage " + Arrays.toString(garbage) + " escaped as " + e, e);
            }
        }
    }

    private static Request read(byte[] bytes) throws IOException {
        return FrameCodec.readRequest(new ByteArrayInputStream(bytes));
    }

    private static ByteArrayInputStream header(int op, int ticketLength) {
        ByteBuffer frame = ByteBuffer.allocate(8).putInt(FrameCodec.MAGIC).put((byte) 1).put((byte) op)
                .putShort((short) ticketLength);
        return new ByteArrayInputStream(frame.array());
    }

    private static byte[] patched(byte[] frame, int at, byte value) {
        byte[] copy = frame.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] bytesOf(Request request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.writeRequest(out, request);
        return out.toByteArray();
    }
}
