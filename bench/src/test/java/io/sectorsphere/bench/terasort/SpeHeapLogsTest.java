package io.sectorsphere.bench.terasort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeHeapLogsTest {

    @TempDir
    Path root;

    @Test
    void aWorkersFigureSumsItsElementsPeaksAndTheLargestWorkerCounts() throws IOException {
        Path first = Files.createDirectories(root.resolve("node-1"));
        Path second = Files.createDirectories(root.resolve("node-2"));
        Files.writeString(first.resolve("gc-101.log"), """
                [0.210s][info][gc] GC(0) Pause Young (Allocation Failure) 34M->3M(123M) 12.345ms
                [0.910s][info][gc] GC(1) Pause Full (Allocation Failure) 300M->120M(490M) 80.100ms
                [1.500s][info][gc] GC(2) Pause Young (Allocation Failure) 200M->121M(490M) 9.000ms
                """);
        Files.writeString(first.resolve("gc-102.log"), """
                [0.300s][info][gc] GC(0) Pause Young (Allocation Failure) 100M->8M(123M) 5.000ms
                """);
        Files.writeString(second.resolve("gc-201.log"), """
                [0.300s][info][gc] GC(0) Pause Young (Allocation Failure) 350M->8M(490M) 5.000ms
                """);

        assertThat(SpeHeapLogs.peakWorkerMib(List.of(first, second))).isEqualTo(400);
    }

    @Test
    void anElementThatNeverCollectedCountsItsHeapAtExit() throws IOException {
        Path node = Files.createDirectories(root.resolve("node-1"));
        Files.writeString(node.resolve("gc-301.log"), """
                [0.015s][info][gc] Using Serial
                [6.973s][info][gc,exit] Heap
                [6.974s][info][gc,exit]  DefNew     total 116160K, used 58651K [0x00000000e0000000, 0x00000000e7e00000)
                [6.974s][info][gc,exit]   eden space 103296K,  56% used [0x00000000e0000000, 0x00000000e3946f80)
                [6.974s][info][gc,exit]  Tenured    total 258048K, used 10590K [0x00000000eaaa0000, 0x00000000fa6a0000)
                [6.974s][info][gc,exit]  Metaspace       used 9438K, committed 9600K, reserved 1114112K
                """);

        assertThat(SpeHeapLogs.peakWorkerMib(List.of(node))).isEqualTo((58651 + 10590) >> 10);
    }

    @Test
    void noLogsCountAsNothing() {
        assertThat(SpeHeapLogs.peakWorkerMib(List.of(root.resolve("absent")))).isZero();
    }
}
