package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeraGenTest {

    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger A = new BigInteger("2360ED051FC65DA44385DF649FCCF645", 16);
    private static final BigInteger C = new BigInteger("4A696D47726179524950202020202001", 16);

    @TempDir
    Path scratch;

    /** Row i straight from the spec, with BigInteger arithmetic: r = x_(i+1). */
    private static byte[] specRow(long row, BigInteger r) {
        byte[] record = new byte[100];
        byte[] r16 = new byte[16];
        byte[] magnitude = r.toByteArray();
        int copy = Math.min(16, magnitude.length);
        System.arraycopy(magnitude, magnitude.length - copy, r16, 16 - copy, copy);
        String h = String.format(Locale.ROOT, "%032X", r);
        System.arraycopy(r16, 0, record, 0, 10);
        record[10] = 0x00;
        record[11] = 0x11;
        byte[] rowHex = String.format(Locale.ROOT, "%032X", BigInteger.valueOf(row)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(rowHex, 0, record, 12, 32);
        record[44] = (byte) 0x88;
        record[45] = (byte) 0x99;
        record[46] = (byte) 0xAA;
        record[47] = (byte) 0xBB;
        for (int j = 0; j < 12; j++) {
            Arrays.fill(record, 48 + 4 * j, 52 + 4 * j, (byte) h.charAt(20 + j));
        }
        record[96] = (byte) 0xCC;
        record[97] = (byte) 0xDD;
        record[98] = (byte) 0xEE;
        record[99] = (byte) 0xFF;
        return record;
    }

    @Test
    void rowsZeroToTenThousandMatchTheSpecByteForByteAndInChecksum() {
        TeraRowGenerator generator = new TeraRowGenerator(0);
        byte[] row = TeraRowGenerator.newRowBuffer();
        BigInteger x = BigInteger.ZERO;
        BigInteger sum = BigInteger.ZERO;
        CRC32 crc = new CRC32();
        for (int i = 0; i < 10_000; i++) {
            x = A.multiply(x).add(C).mod(MOD);
            byte[] expected = specRow(i, x);
            generator.next(row);
            assertThat(row).as("row %d", i).isEqualTo(expected);
            crc.reset();
            crc.update(expected);
            sum = sum.add(BigInteger.valueOf(crc.getValue()));
        }
        assertThat(TeraChecksum.ofRows(0, 10_000).hex()).isEqualTo(sum.toString(16));
    }

    @Test
    void row42CarriesItsNumberAndTheLowBitsOfItsRandomNumberInHex() {
        TeraRowGenerator generator = new TeraRowGenerator(42);
        byte[] row = TeraRowGenerator.newRowBuffer();
        generator.next(row);
        assertThat(new String(row, 12, 32, StandardCharsets.US_ASCII)).isEqualTo("0".repeat(30) + "2A");
        assertThat(Arrays.copyOfRange(row, 10, 12)).containsExactly(0x00, 0x11);
        assertThat(Arrays.copyOfRange(row, 44, 48)).containsExactly(0x88, 0x99, 0xAA, 0xBB);
        assertThat(Arrays.copyOfRange(row, 96, 100)).containsExactly(0xCC, 0xDD, 0xEE, 0xFF);
        for (int j = 0; j < 12; j++) {
            assertThat(Arrays.copyOfRange(row, 48 + 4 * j, 52 + 4 * j)).containsOnly(row[48 + 4 * j]);
            assertThat((char) row[48 + 4 * j]).isIn((Object[]) "0123456789ABCDEF".chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        }
    }

    @Test
    void jumpingAheadLandsWhereBigIntegerJumpsLand() {
        for (long start : new long[] {1, 2, 3, 4999, 1L << 32, 123_456_789_012L}) {
            BigInteger[] affine = {BigInteger.ONE, BigInteger.ZERO}; // x -> m·x + a
            BigInteger[] step = {A, C};
            for (long n = start; n != 0; n >>>= 1) {
                if ((n & 1) != 0) {
                    affine = new BigInteger[] {step[0].multiply(affine[0]).mod(MOD), step[0].multiply(affine[1]).add(step[1]).mod(MOD)};
                }
                step = new BigInteger[] {step[0].multiply(step[0]).mod(MOD), step[0].multiply(step[1]).add(step[1]).mod(MOD)};
            }
            BigInteger next = A.multiply(affine[1]).add(C).mod(MOD); // x_(start+1) makes row start
            byte[] row = TeraRowGenerator.newRowBuffer();
            new TeraRowGenerator(start).next(row);
            assertThat(row).as("row %d", start).isEqualTo(specRow(start, next));
        }
    }

    @Test
    void tenMillionRowsHaveHadoopsChecksum() {
        // The reference value from Hadoop 3.3.6 TeraGen + TeraValidate (shared/specs/TERASORT.md).
        assertThat(TeraChecksum.ofRows(0, 10_000_000).hex()).isEqualTo("4c49607ac53602");
    }

    @Test
    void theOperatorWritesTheRowsOfEachPaddedLine() throws Exception {
        String lines = String.format(Locale.ROOT, "%020d %020d\n%020d %020d\n", 0, 3, 10, 2);
        CollectingOutput output = OperatorRun.run("teragen", "", 0, scratch, TestInput.lines("ranges", lines));
        List<byte[]> rows = output.records();
        assertThat(rows).hasSize(5);
        byte[] expected = TeraRowGenerator.newRowBuffer();
        TeraRowGenerator generator = new TeraRowGenerator(10);
        generator.next(expected);
        assertThat(rows.get(3)).isEqualTo(expected);
        TeraChecksum checksum = new TeraChecksum();
        rows.subList(0, 3).forEach(r -> checksum.add(r, 0, 100));
        assertThat(checksum.hex()).isEqualTo(TeraChecksum.ofRows(0, 3).hex());
    }

    @Test
    void aLineThatIsNotStartAndCountIsRefusedByName() {
        assertThatThrownBy(() -> OperatorRun.run("teragen", "", 0, scratch, TestInput.lines("ranges", "12 x\n")))
                .hasMessageContaining("ranges").hasMessageContaining("'12 x'");
    }

    @Test
    void checksumsAddPast64Bits() {
        TeraChecksum checksum = new TeraChecksum();
        checksum.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        checksum.add(BigInteger.ONE);
        assertThat(checksum.hex()).isEqualTo("10000000000000000");
        assertThat(new TeraChecksum().hex()).isEqualTo("0");
    }
}
