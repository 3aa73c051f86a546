package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void everyTrialRunsOncePerRoundInAlternatingOrder() {
        List<String> ran = new ArrayList<>();
        Map<String, Supplier<Integer>> trials = new LinkedHashMap<>();
        for (String label : List.of("ours", "libudt", "bbr")) {
            trials.put(label, () -> {
                ran.add(label);
                return ran.size();
            });
        }

        Map<String, List<Integer>> results = Rounds.run(trials, 3);

        assertThat(ran).containsExactly("ours", "libudt", "bbr", "bbr", "libudt", "ours", "ours", "libudt", "bbr");
        assertThat(results).containsEntry("ours", List.of(1, 6, 7)).containsEntry("bbr", List.of(3, 4, 9));
    }
}
