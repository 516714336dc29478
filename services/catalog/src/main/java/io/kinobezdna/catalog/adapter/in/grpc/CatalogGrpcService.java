package io.kinobezdna.catalog.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.catalog.adapter.in.MediaPaths;
import io.kinobezdna.catalog.application.query.GetFilmCardsHandler;
import io.kinobezdna.catalog.application.query.GetProduct;
import io.kinobezdna.catalog.application.query.GetProductHandler;
import io.kinobezdna.catalog.application.query.ListSkus;
import io.kinobezdna.catalog.application.query.ListSkusHandler;
import io.kinobezdna.catalog.application.query.Product;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.FilmSummary;
import io.kinobezdna.contracts.catalog.v1.GetFilmsRequest;
import io.kinobezdna.contracts.catalog.v1.GetFilmsResponse;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.ListSkusRequest;
import io.kinobezdna.contracts.catalog.v1.ListSkusResponse;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.contracts.common.v1.Money;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.grpc.GrpcCalls;
import java.util.List;
import java.util.UUID;

/**
 * The gRPC face of the catalog for other services: the Route256 product-service calls and film
 * summaries in batch. Every call must carry the end user's token.
 */
public final class CatalogGrpcService extends CatalogServiceGrpc.CatalogServiceImplBase {

  private final GetProductHandler getProduct;
  private final ListSkusHandler listSkus;
  private final GetFilmCardsHandler cards;
  private final JwtVerifier verifier;

  public CatalogGrpcService(
      GetProductHandler getProduct,
      ListSkusHandler listSkus,
      GetFilmCardsHandler cards,
      JwtVerifier verifier) {
    this.getProduct = getProduct;
    this.listSkus = listSkus;
    this.cards = cards;
    this.verifier = verifier;
  }

  @Override
  public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          GrpcCalls.caller(verifier);
          Product product = getProduct.handle(new GetProduct(request.getSku()));
          return GetProductResponse.newBuilder()
              .setSku(product.sku())
              .setName(product.name())
              .setPrice(
                  Money.newBuilder()
                      .setMinorUnits(product.price().minorUnits())
                      .setCurrency(product.price().currency()))
              .setKind(OfferKind.valueOf("OFFER_KIND_" + product.kind().name()))
              .setFilmId(product.filmId().toString())
              .build();
        });
  }

  @Override
  public void listSkus(ListSkusRequest request, StreamObserver<ListSkusResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          GrpcCalls.caller(verifier);
          return ListSkusResponse.newBuilder()
              .addAllSkus(
                  listSkus.handle(new ListSkus(request.getStartAfterSku(), request.getCount())))
              .build();
        });
  }

  @Override
  public void getFilms(GetFilmsRequest request, StreamObserver<GetFilmsResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          GrpcCalls.caller(verifier);
          List<UUID> ids = request.getFilmIdsList().stream().map(CatalogGrpcService::uuid).toList();
          return GetFilmsResponse.newBuilder()
              .addAllFilms(cards.handle(ids).stream().map(CatalogGrpcService::toProto).toList())
              .build();
        });
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField("film_ids", "'" + value + "' is not a film id");
    }
  }

  private static FilmSummary toProto(FilmCard c) {
    return FilmSummary.newBuilder()
        .setFilmId(c.id().toString())
        .setTitleRu(c.titleRu())
        .setTitleEn(c.titleEn())
        .setOriginalTitle(c.originalTitle())
        .setYear(c.year())
        .setDurationMinutes(c.durationMinutes())
        .addAllGenres(c.genres().stream().map(Genre::code).toList())
        .setAgeRating(c.ageRating())
        .setPosterPath(MediaPaths.posterPath(c.id()))
        .setVideoPath(MediaPaths.videoPath(c.id()))
        .setAverageRating(c.reception().averageRating())
        .setRatingCount(c.reception().ratingCount())
        .setLikeCount(c.reception().likeCount())
        .build();
  }
}
