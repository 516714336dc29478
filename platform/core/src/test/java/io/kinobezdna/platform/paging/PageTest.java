package io.kinobezdna.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void aCursorSurvivesTheTripThroughAClient() {
    Page.Cursor cursor = new Page.Cursor("Тихая гавань\nwith a newline", "42");
    assertThat(Page.Cursor.decode(cursor.encode())).hasValue(cursor);
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void noCursorIsTheStartAndForeignTextIsNoCursor() {
    assertThat(Page.Cursor.decode(null)).hasValue(Page.Cursor.START);
    assertThat(Page.Cursor.decode("")).hasValue(Page.Cursor.START);
    assertThat(Page.Cursor.decode("not a cursor!")).isEmpty();
    assertThat(Page.Cursor.decode("bm9uZXdsaW5l")).as("base64 without a newline").isEmpty();
  }

  @Test
  void aCursorThatDecodesButWasNotMadeByTheListIsA400() {
    Instant at = Instant.parse("2026-12-04T04:00:00Z");
    UUID id = UUID.randomUUID();
    Page.Cursor made = Page.cursor(new Page.Cursor(at.toString(), id.toString()).encode());
    assertThat(made.sortKeyAsInstant()).isEqualTo(at);
    assertThat(made.idAsUuid()).isEqualTo(id);

    Page.Cursor forged = Page.cursor(new Page.Cursor("yesterday", "me").encode());
    assertThatThrownBy(forged::sortKeyAsInstant)
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(forged::idAsUuid).isInstanceOf(PlatformError.class);
    assertThatThrownBy(() -> Page.cursor("not a cursor!"))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void aPageIsTheRowsAskedForAndACursorOnlyWhenOneMoreCameBack() {
    Page<String> full =
        Page.fromRows(List.of("a", "b", "c"), 2, r -> new Page.Cursor(r, r + "-id"));
    assertThat(full.items()).containsExactly("a", "b");
    assertThat(Page.Cursor.decode(full.nextCursor())).hasValue(new Page.Cursor("b", "b-id"));

    Page<String> last = Page.fromRows(List.of("a", "b"), 2, r -> new Page.Cursor(r, r));
    assertThat(last.items()).containsExactly("a", "b");
    assertThat(last.nextCursor()).isEmpty();
  }
}
