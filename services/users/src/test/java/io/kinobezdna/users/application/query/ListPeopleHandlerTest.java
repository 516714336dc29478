package io.kinobezdna.users.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.application.Caller;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A page of people asks for the viewer's relationships once, not once per person. */
class ListPeopleHandlerTest {

  private final ProfileRepository profiles = mock(ProfileRepository.class);
  private final FollowRepository follows = mock(FollowRepository.class);
  private final Caller viewer = new Caller(UUID.randomUUID(), "Ann", false, false);

  @Test
  void aPageOfTwentyPeopleIsOneRelationshipQuery() {
    List<Profile> people =
        IntStream.range(0, 21)
            .mapToObj(
                i ->
                    new Profile(
                        UUID.randomUUID(),
                        "Person %02d".formatted(i),
                        "",
                        null,
                        "en",
                        Instant.EPOCH,
                        Instant.EPOCH,
                        Profile.FIRST_VERSION))
            .toList();
    UUID friend = people.get(3).userId();
    when(profiles.search(eq("person"), any(Page.Cursor.class), anyInt())).thenReturn(people);
    when(follows.between(eq(viewer.userId()), anyCollection()))
        .thenReturn(Map.of(friend, new Relationship(true, true)));

    Page<PersonView> page =
        new ListPeopleHandler(profiles, follows)
            .handle(new ListPeople(viewer, ListPeople.Kind.SEARCH, null, "person", null, 20));

    assertThat(page.items()).hasSize(20);
    assertThat(page.items().get(3).relationship().friends()).isTrue();
    assertThat(page.items().get(4).relationship()).isEqualTo(new Relationship(false, false));
    verify(follows, times(1)).between(eq(viewer.userId()), anyCollection());
    verify(follows, never()).between(any(UUID.class), any(UUID.class));
  }
}
