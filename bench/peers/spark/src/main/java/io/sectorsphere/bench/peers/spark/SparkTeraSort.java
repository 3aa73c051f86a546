package io.sectorsphere.bench.peers.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Spark's Terasort as peers/README.md ran it: {@code local[2]} with Kryo, the TeraGen files read as
 * 100-byte records, {@code sortByKey} on the 10-byte key (a range partitioner, keys compared as
 * unsigned bytes), and each partition written back as 100-byte records to {@code OUT/part-r-NNNNN},
 * so that the parts in name order are in key order, as Hadoop's TeraValidate reads them.
 *
 * <p>Usage: {@code SparkTeraSort INPUT_DIR OUTPUT_DIR PARTITIONS} (local paths; OUTPUT_DIR must not exist).
 */
public final class SparkTeraSort {

    private static final int RECORD = 100;
    private static final int KEY = 10;

    private SparkTeraSort() {
    }

    /** Unsigned lexicographic order of keys; serializable, as the range partitioner ships it to tasks. */
    static final class UnsignedKeyOrder implements Comparator<byte[]>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SparkTeraSort INPUT_DIR OUTPUT_DIR PARTITIONS");
            System.exit(2);
        }
        Path input = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        int partitions = Integer.parseInt(args[2]);
        Files.createDirectories(output);
        SparkConf conf = new SparkConf().setAppName("terasort").setMaster("local[2]")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            JavaPairRDD<byte[], byte[]> records = spark.binaryRecords("file://" + input, RECORD)
                    .mapToPair(record -> new Tuple2<>(Arrays.copyOfRange(record, 0, KEY),
                            Arrays.copyOfRange(record, KEY, RECORD)));
            String target = output.toString();
            records.sortByKey(new UnsignedKeyOrder(), true, partitions)
                    .foreachPartition(partition -> write(partition, Path.of(target)));
        }
    }

    private static void write(Iterator<Tuple2<byte[], byte[]>> partition, Path output) {
        Path part = output.resolve(String.format("part-r-%05d", TaskContext.getPartitionId()));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
            while (partition.hasNext()) {
                Tuple2<byte[], byte[]> record = partition.next();
                out.write(record._1());
                out.write(record._2());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }
}
