package io.kinobezdna.platform.grpchttp;

import io.grpc.BindableService;
import io.grpc.Status;
import java.util.Map;

/**
 * A gRPC service a servlet service also serves as HTTP/JSON, with its OpenAPI document and
 * swagger-ui: declared as a bean, {@link HttpJsonAutoConfiguration} does the rest.
 *
 * @param title the OpenAPI document's title
 * @param service the handlers; calls reach them in-process, through the same interceptors
 * @param statusOverrides HTTP statuses that differ from the usual mapping, by gRPC code
 * @param documentedResponses what the document says about the statuses the contract adds
 */
public record HttpJsonApi(
    String title,
    BindableService service,
    Map<Status.Code, Integer> statusOverrides,
    Map<Integer, String> documentedResponses) {

  public HttpJsonApi {
    statusOverrides = Map.copyOf(statusOverrides);
    documentedResponses = Map.copyOf(documentedResponses);
  }

  /** A service that answers with the usual mapping. */
  public HttpJsonApi(String title, BindableService service) {
    this(title, service, Map.of(), Map.of());
  }
}
