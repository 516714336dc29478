package io.kinobezdna.ugc.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.ugc.v1.FriendWhoWants;
import io.kinobezdna.contracts.ugc.v1.ListFriendsWhoWantRequest;
import io.kinobezdna.contracts.ugc.v1.ListFriendsWhoWantResponse;
import io.kinobezdna.contracts.ugc.v1.UgcServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.grpc.GrpcCalls;
import io.kinobezdna.ugc.adapter.in.Callers;
import io.kinobezdna.ugc.application.query.ListFriendsWhoWant;
import io.kinobezdna.ugc.application.query.ListFriendsWhoWantHandler;
import java.util.UUID;

/** UGC for other services over gRPC, answered for the end user whose token the call carries. */
public final class UgcGrpcService extends UgcServiceGrpc.UgcServiceImplBase {

  private final ListFriendsWhoWantHandler friendsWhoWant;
  private final JwtVerifier verifier;

  public UgcGrpcService(ListFriendsWhoWantHandler friendsWhoWant, JwtVerifier verifier) {
    this.friendsWhoWant = friendsWhoWant;
    this.verifier = verifier;
  }

  @Override
  public void listFriendsWhoWant(
      ListFriendsWhoWantRequest request, StreamObserver<ListFriendsWhoWantResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          var caller = Callers.of(GrpcCalls.caller(verifier));
          UUID filmId;
          try {
            filmId = UUID.fromString(request.getFilmId());
          } catch (IllegalArgumentException e) {
            throw PlatformError.invalidField("film_id", "must be a film id (a UUID)");
          }
          ListFriendsWhoWantResponse.Builder answer = ListFriendsWhoWantResponse.newBuilder();
          friendsWhoWant
              .handle(new ListFriendsWhoWant(caller, filmId))
              .forEach(
                  f ->
                      answer.addFriends(
                          FriendWhoWants.newBuilder()
                              .setUserId(f.userId().toString())
                              .setDisplayName(f.displayName())));
          return answer.build();
        });
  }
}
