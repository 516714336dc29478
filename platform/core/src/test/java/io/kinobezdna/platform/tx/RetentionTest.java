package io.kinobezdna.platform.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  @Test
  void aSweepDeletesWhatIsOlderThanTheRetentionInFullBatchesThenARest() {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    Retention retention = new Retention(Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30));
    List<Instant> cutoffs = new ArrayList<>();
    int[] left = {2_500};

    int deleted =
        retention.sweep(
            (cutoff, limit) -> {
              cutoffs.add(cutoff);
              int batch = Math.min(limit, left[0]);
              left[0] -= batch;
              return batch;
            });

    assertThat(deleted).isEqualTo(2_500);
    assertThat(cutoffs).hasSize(3).containsOnly(now.minus(Duration.ofDays(30)));
  }
}
