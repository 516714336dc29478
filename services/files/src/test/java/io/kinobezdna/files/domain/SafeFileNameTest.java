package io.kinobezdna.files.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {

  private static final DetectedType MP3 = new DetectedType("audio/mpeg", FileKind.AUDIO, "mp3");

  @Test
  void keepsTheLastSegmentWithTheRealExtension() {
    assertThat(SafeFileName.of("../../etc/passwd", MP3)).hasValue("passwd.mp3");
    assertThat(SafeFileName.of("C:\\Users\\me\\Song.MP3", MP3)).hasValue("Song.mp3");
    assertThat(SafeFileName.of("track.exe", MP3)).hasValue("track.mp3");
    assertThat(SafeFileName.of("Песня «Бездна».mp3", MP3)).hasValue("Песня «Бездна».mp3");
  }

  @Test
  void dropsControlAndReservedCharactersAndLeadingDots() {
    assertThat(SafeFileName.of("..hidden\u0000na<me>?.mp3", MP3)).hasValue("hiddenname.mp3");
    assertThat(SafeFileName.of("a\"b|c*.mp3", MP3)).hasValue("abc.mp3");
  }

  @Test
  void nothingUsableLeftIsNoName() {
    assertThat(SafeFileName.of("../", MP3)).isEmpty();
    assertThat(SafeFileName.of("...", MP3)).isEmpty();
    assertThat(SafeFileName.of(null, MP3)).isEmpty();
  }

  @Test
  void longNamesAreCutToTheLimit() {
    String name = SafeFileName.of("я".repeat(500) + ".mp3", MP3).orElseThrow();
    assertThat(name).hasSize(SafeFileName.MAX_LENGTH).endsWith("я.mp3");
  }
}
