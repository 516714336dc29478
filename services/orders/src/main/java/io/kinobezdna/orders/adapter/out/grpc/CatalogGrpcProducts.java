package io.kinobezdna.orders.adapter.out.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.domain.ProductKind;
import io.kinobezdna.platform.errors.GrpcErrors;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What kind a SKU is, from catalog's GetProduct (with the caller's token, which the platform's
 * client interceptor forwards). Asked only for SKUs orders has no stock row for yet.
 */
public final class CatalogGrpcProducts implements Products {

  private final CatalogServiceGrpc.CatalogServiceBlockingStub catalog;

  public CatalogGrpcProducts(CatalogServiceGrpc.CatalogServiceBlockingStub catalog) {
    this.catalog = catalog;
  }

  @Override
  public Optional<ProductKind> kind(long sku) {
    try {
      OfferKind kind =
          catalog
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .getProduct(GetProductRequest.newBuilder().setSku(sku).build())
              .getKind();
      return Optional.of(
          kind == OfferKind.OFFER_KIND_TICKET ? ProductKind.TICKET : ProductKind.DIGITAL);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw GrpcErrors.fromStatus(e);
    }
  }
}
