package io.kinobezdna.ugc.adapter.out.grpc;

import io.grpc.StatusRuntimeException;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetFilmsRequest;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.ugc.application.port.Films;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Film existence from the catalog over gRPC. Films that exist are remembered (bounded), so a viewer
 * clicking like and rate on one film asks the catalog once; unknown ids are asked every time.
 */
public final class CatalogGrpcFilms implements Films {

  private static final int REMEMBERED = 10_000;

  private final CatalogServiceGrpc.CatalogServiceBlockingStub catalog;
  private final Map<UUID, Boolean> known =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
              return size() > REMEMBERED;
            }
          });

  public CatalogGrpcFilms(CatalogServiceGrpc.CatalogServiceBlockingStub catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean exists(UUID filmId) {
    if (known.containsKey(filmId)) {
      return true;
    }
    try {
      boolean exists =
          catalog
                  .withDeadlineAfter(5, TimeUnit.SECONDS)
                  .getFilms(GetFilmsRequest.newBuilder().addFilmIds(filmId.toString()).build())
                  .getFilmsCount()
              == 1;
      if (exists) {
        known.put(filmId, true);
      }
      return exists;
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e);
    }
  }
}
