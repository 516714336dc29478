package io.kinobezdna.cart.adapter.out.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.domain.Product;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.platform.errors.GrpcErrors;
import java.util.Optional;

/**
 * Products from catalog's GetProduct. The stub's channel carries the {@link RateLimitInterceptor},
 * so every call waits for its turn under the shared limit; the deadline is the request's own (the
 * platform's client interceptor passes it on).
 */
public final class CatalogGrpcProducts implements ProductCatalog {

  private final CatalogServiceGrpc.CatalogServiceBlockingStub catalog;

  public CatalogGrpcProducts(CatalogServiceGrpc.CatalogServiceBlockingStub catalog) {
    this.catalog = catalog;
  }

  @Override
  public Optional<Product> product(long sku) {
    try {
      GetProductResponse product =
          catalog.getProduct(GetProductRequest.newBuilder().setSku(sku).build());
      return Optional.of(
          new Product(
              product.getSku(),
              product.getName(),
              product.getPrice().getMinorUnits(),
              product.getPrice().getCurrency(),
              product.getFilmId()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw GrpcErrors.fromStatus(e);
    }
  }
}
