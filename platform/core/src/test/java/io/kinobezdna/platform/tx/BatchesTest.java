package io.kinobezdna.platform.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchesTest {

  @Test
  void batchesRunUntilOneComesBackShort() {
    ArrayDeque<Integer> answers = new ArrayDeque<>(List.of(3, 3, 1, 3));
    AtomicInteger calls = new AtomicInteger();
    int total =
        Batches.untilShort(
            3,
            size -> {
              calls.incrementAndGet();
              return answers.pop();
            });
    assertThat(total).isEqualTo(7);
    assertThat(calls).hasValue(3);
  }

  @Test
  void nothingToDoIsOneEmptyBatch() {
    assertThat(Batches.untilShort(100, size -> 0)).isZero();
  }
}
