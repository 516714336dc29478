package io.kinobezdna.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

  private final Email ann = Email.parse("ann.smith@mail.ru").orElseThrow();

  @Test
  void emailsAreNormalisedAndValidated() {
    assertThat(Email.parse("  Ann.Smith@Mail.RU ")).contains(ann);
    assertThat(Email.parse("no-at-sign")).isEmpty();
    assertThat(Email.parse("two@@signs.ru")).isEmpty();
    assertThat(Email.parse("x@" + "a".repeat(260) + ".ru")).isEmpty();
    assertThat(Email.parse(null)).isEmpty();
  }

  @Test
  void passwordPolicyExplainsWhatIsWrong() {
    assertThat(PasswordPolicy.problem("short", ann)).contains("must be at least 10 characters");
    assertThat(PasswordPolicy.problem("x".repeat(129), ann))
        .hasValueSatisfying(p -> p.contains("at most"));
    assertThat(PasswordPolicy.problem("Password123", ann)).contains("is too easy to guess");
    assertThat(PasswordPolicy.problem("aaaaaaaaaaaa", ann)).contains("is too easy to guess");
    assertThat(PasswordPolicy.problem("my ann.smith secret", ann))
        .contains("must not contain your email address");
    assertThat(PasswordPolicy.problem("", ann)).contains("is required");
    assertThat(PasswordPolicy.problem("correct horse battery", ann)).isEmpty();
  }

  @Test
  void displayNamesAreBounded() {
    assertThat(DisplayName.problem(" ")).contains("is required");
    assertThat(DisplayName.problem("x".repeat(61))).isPresent();
    assertThat(DisplayName.problem("bell\u0007")).isPresent();
    assertThat(DisplayName.problem("Анна Каренина")).isEmpty();
  }

  @Test
  void aRefreshTokenKnowsWhatItsPresentationMeans() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    RefreshToken live =
        new RefreshToken(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "h",
            now,
            now.plusSeconds(60),
            null,
            null);
    assertThat(live.presentedAt(now)).isEqualTo(RefreshToken.Presentation.VALID);
    assertThat(live.presentedAt(now.plusSeconds(60))).isEqualTo(RefreshToken.Presentation.EXPIRED);
    RefreshToken spent =
        new RefreshToken(
            live.id(), live.familyId(), live.accountId(), "h", now, now.plusSeconds(60), now, null);
    assertThat(spent.presentedAt(now)).isEqualTo(RefreshToken.Presentation.REUSED);
    RefreshToken revoked =
        new RefreshToken(
            live.id(), live.familyId(), live.accountId(), "h", now, now.plusSeconds(60), now, now);
    assertThat(revoked.presentedAt(now)).isEqualTo(RefreshToken.Presentation.REVOKED);
  }

  @Test
  void aRetiredKeyStaysPublishedUntilItsLastTokenExpires() {
    Instant start = Instant.parse("2026-11-22T10:00:00Z");
    Duration ttl = Duration.ofMinutes(15);
    SigningKey next = new SigningKey("k2", "{}", start.plusSeconds(60), null);
    SigningKey old = new SigningKey("k1", "{}", start.minusSeconds(3600), start.plusSeconds(60));
    assertThat(next.signsAt(start)).isFalse();
    assertThat(next.publishedAt(start, ttl)).isTrue();
    assertThat(old.signsAt(start)).isTrue();
    assertThat(old.signsAt(start.plusSeconds(60))).isFalse();
    assertThat(old.publishedAt(start.plusSeconds(60).plus(ttl).minusSeconds(1), ttl)).isTrue();
    assertThat(old.publishedAt(start.plusSeconds(60).plus(ttl), ttl)).isFalse();
  }
}
