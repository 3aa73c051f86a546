package io.sectorsphere.bench.terasort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peers' class paths, written by {@code ./mvnw -f bench/peers/pom.xml package} (bench/terasort does it)
 * next to this module: {@code bench/peers/hadoop/target/classpath.txt} and the Spark driver's classes
 * with {@code bench/peers/spark/target/classpath.txt}.
 */
record PeerClassPaths(String hadoop, String spark) {

    static PeerClassPaths load(Path benchTarget) {
        Path peers = benchTarget.getParent().resolve("peers");
        Path spark = peers.resolve("spark").resolve("target");
        return new PeerClassPaths(read(peers.resolve("hadoop").resolve("target").resolve("classpath.txt")),
                spark.resolve("classes") + ":" + read(spark.resolve("classpath.txt")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no peer class path at " + file
                    + " (build the peers: ./mvnw -f bench/peers/pom.xml package)", e);
        }
    }
}
