package io.kinobezdna.ugc.adapter.out.grpc;

import io.grpc.StatusRuntimeException;
import io.kinobezdna.contracts.users.v1.GetProfilesRequest;
import io.kinobezdna.contracts.users.v1.ListAllFriendsRequest;
import io.kinobezdna.contracts.users.v1.UsersServiceGrpc;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.ugc.application.port.Friends;
import io.kinobezdna.ugc.application.port.Profiles;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Friends and profiles from the users service over gRPC. The channel carries the platform's client
 * interceptor, so the viewer's token, request id and deadline travel with every call.
 */
public final class UsersGrpcPeople implements Friends, Profiles {

  private final UsersServiceGrpc.UsersServiceBlockingStub users;

  public UsersGrpcPeople(UsersServiceGrpc.UsersServiceBlockingStub users) {
    this.users = users;
  }

  /** One call, whatever the number of friends (users caps the answer, ListAllFriends). */
  @Override
  public List<Friend> of(UUID userId) {
    try {
      return users
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .listAllFriends(ListAllFriendsRequest.newBuilder().setUserId(userId.toString()).build())
          .getFriendsList()
          .stream()
          .map(p -> new Friend(UUID.fromString(p.getUserId()), p.getDisplayName()))
          .toList();
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e);
    }
  }

  /** GetProfiles takes at most this many ids per call. */
  static final int PROFILES_PER_CALL = 200;

  @Override
  public Map<UUID, String> displayNames(Collection<UUID> userIds) {
    List<String> ids = userIds.stream().distinct().map(UUID::toString).toList();
    Map<UUID, String> names = new HashMap<>();
    try {
      for (int from = 0; from < ids.size(); from += PROFILES_PER_CALL) {
        users
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .getProfiles(
                GetProfilesRequest.newBuilder()
                    .addAllUserIds(
                        ids.subList(from, Math.min(ids.size(), from + PROFILES_PER_CALL)))
                    .build())
            .getProfilesList()
            .forEach(p -> names.put(UUID.fromString(p.getUserId()), p.getDisplayName()));
      }
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e);
    }
    return names;
  }
}
