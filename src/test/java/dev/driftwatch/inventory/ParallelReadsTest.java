package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelReadsTest {

    @Test
    void keepsTheItemsOrderAndLeavesEmptyAnswersOut() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();

        List<Integer> read = ParallelReads.map(items, i -> i % 10 == 0 ? Optional.empty() : Optional.of(i * 2));

        assertThat(read)
                .containsExactlyElementsOf(
                        items.stream().filter(i -> i % 10 != 0).map(i -> i * 2).toList());
    }

    @Test
    void aFailedReadFailsTheWholeReadAsItWas() {
        // A collector whose read fails must report a gap for its type, never a partial list.
        assertThatThrownBy(() -> ParallelReads.map(List.of("a", "b", "c"), s -> {
                    if (s.equals("b")) {
                        throw new IllegalArgumentException("AccessDenied on b");
                    }
                    return Optional.of(s);
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AccessDenied on b");
    }
}
