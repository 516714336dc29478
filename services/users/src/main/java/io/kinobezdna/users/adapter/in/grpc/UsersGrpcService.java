package io.kinobezdna.users.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.common.v1.PageInfo;
import io.kinobezdna.contracts.users.v1.GetProfilesRequest;
import io.kinobezdna.contracts.users.v1.GetProfilesResponse;
import io.kinobezdna.contracts.users.v1.ListAllFriendsRequest;
import io.kinobezdna.contracts.users.v1.ListAllFriendsResponse;
import io.kinobezdna.contracts.users.v1.ListFriendsRequest;
import io.kinobezdna.contracts.users.v1.ListFriendsResponse;
import io.kinobezdna.contracts.users.v1.Profile;
import io.kinobezdna.contracts.users.v1.UsersServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.grpc.GrpcCalls;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.adapter.in.Callers;
import io.kinobezdna.users.application.query.GetProfiles;
import io.kinobezdna.users.application.query.GetProfilesHandler;
import io.kinobezdna.users.application.query.ListAllFriends;
import io.kinobezdna.users.application.query.ListAllFriendsHandler;
import io.kinobezdna.users.application.query.ListPeople;
import io.kinobezdna.users.application.query.ListPeopleHandler;
import io.kinobezdna.users.application.query.PersonView;
import java.util.List;
import java.util.UUID;

/**
 * The gRPC face of users for other services. Every call must carry the end user's token (the
 * platform's client interceptor forwards it); failures become gRPC statuses with details.
 */
public final class UsersGrpcService extends UsersServiceGrpc.UsersServiceImplBase {

  private final GetProfilesHandler getProfiles;
  private final ListPeopleHandler listPeople;
  private final ListAllFriendsHandler listAllFriends;
  private final JwtVerifier verifier;

  public UsersGrpcService(
      GetProfilesHandler getProfiles,
      ListPeopleHandler listPeople,
      ListAllFriendsHandler listAllFriends,
      JwtVerifier verifier) {
    this.getProfiles = getProfiles;
    this.listPeople = listPeople;
    this.listAllFriends = listAllFriends;
    this.verifier = verifier;
  }

  @Override
  public void getProfiles(
      GetProfilesRequest request, StreamObserver<GetProfilesResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          authenticate();
          List<UUID> ids =
              request.getUserIdsList().stream().map(id -> uuid("user_ids", id)).toList();
          return GetProfilesResponse.newBuilder()
              .addAllProfiles(
                  getProfiles.handle(new GetProfiles(ids)).stream()
                      .map(UsersGrpcService::toProto)
                      .toList())
              .build();
        });
  }

  @Override
  public void listFriends(
      ListFriendsRequest request, StreamObserver<ListFriendsResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          VerifiedCaller caller = authenticate();
          Page<PersonView> page =
              listPeople.handle(
                  new ListPeople(
                      Callers.of(caller),
                      ListPeople.Kind.FRIENDS,
                      uuid("user_id", request.getUserId()),
                      null,
                      request.getPage().getCursor(),
                      request.getPage().getPageSize() == 0
                          ? null
                          : request.getPage().getPageSize()));
          return ListFriendsResponse.newBuilder()
              .addAllFriends(page.items().stream().map(p -> toProto(p.profile())).toList())
              .setPage(PageInfo.newBuilder().setNextCursor(page.nextCursor()))
              .build();
        });
  }

  @Override
  public void listAllFriends(
      ListAllFriendsRequest request, StreamObserver<ListAllFriendsResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          authenticate();
          ListAllFriendsHandler.AllFriends all =
              listAllFriends.handle(new ListAllFriends(uuid("user_id", request.getUserId())));
          return ListAllFriendsResponse.newBuilder()
              .addAllFriends(all.friends().stream().map(UsersGrpcService::toProto).toList())
              .setTruncated(all.truncated())
              .build();
        });
  }

  private VerifiedCaller authenticate() {
    return GrpcCalls.caller(verifier);
  }

  private static UUID uuid(String field, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField(field, "must be a user id");
    }
  }

  private static Profile toProto(io.kinobezdna.users.domain.Profile p) {
    return Profile.newBuilder()
        .setUserId(p.userId().toString())
        .setDisplayName(p.displayName())
        .setAvatarFileId(p.avatarFileId() == null ? "" : p.avatarFileId().toString())
        .setBio(p.bio())
        .setLocale(p.locale())
        .build();
  }
}
