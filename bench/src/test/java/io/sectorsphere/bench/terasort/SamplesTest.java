package io.sectorsphere.bench.terasort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        Samples samples = of(13.0, 11.9, 12.3);

        assertThat(samples.median()).isEqualTo(12.3);
        assertThat(samples.min()).isEqualTo(11.9);
        assertThat(samples.max()).isEqualTo(13.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(of(4.0, 1.0, 2.0, 3.0).median()).isEqualTo(2.5);
    }

    @Test
    void withoutRunsEveryFigureIsNaN() {
        Samples samples = new Samples();

        assertThat(samples.median()).isNaN();
        assertThat(samples.min()).isNaN();
        assertThat(samples.max()).isNaN();
    }

    private static Samples of(double... values) {
        Samples samples = new Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }
}
