package io.kinobezdna.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
