package io.kinobezdna.files.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.files.domain.ByteRange.Partial;
import io.kinobezdna.files.domain.ByteRange.Unsatisfiable;
import io.kinobezdna.files.domain.ByteRange.Whole;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void rangesWithinTheFile() {
    assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new Partial(new ByteRange(0, 99)));
    assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new Partial(new ByteRange(900, 999)));
    assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new Partial(new ByteRange(900, 999)));
    assertThat(ByteRange.parse("bytes=990-5000", 1000))
        .isEqualTo(new Partial(new ByteRange(990, 999)));
    assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new Partial(new ByteRange(0, 999)));
    assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
  }

  @Test
  void rangesPastTheEndCannotBeServed() {
    assertThat(ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=-0", 1000)).isInstanceOf(Unsatisfiable.class);
  }

  @Test
  void whatWeDoNotServeGetsTheWholeFile() {
    assertThat(ByteRange.parse(null, 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=0-1,5-9", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("items=0-1", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=-", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=9-1", 1000)).isInstanceOf(Whole.class);
    assertThat(ByteRange.parse("bytes=99999999999999999999-", 1000)).isInstanceOf(Whole.class);
  }
}
