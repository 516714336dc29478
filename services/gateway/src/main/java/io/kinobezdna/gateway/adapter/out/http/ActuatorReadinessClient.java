package io.kinobezdna.gateway.adapter.out.http;

import io.kinobezdna.gateway.application.port.ServiceReadiness;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's actuator readiness group; 200 means ready, anything else does not. */
public final class ActuatorReadinessClient implements ServiceReadiness {

  private final HttpClient http;
  private final Duration timeout;

  public ActuatorReadinessClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public ComponentHealth check(ServiceEndpoint service) {
    URI readiness = service.baseUrl().resolve("/actuator/health/readiness");
    long started = System.nanoTime();
    String detail;
    boolean up;
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(readiness).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      up = response.statusCode() == 200;
      detail = up ? "ready" : "readiness answered HTTP " + response.statusCode();
    } catch (IOException e) {
      up = false;
      detail =
          "unreachable: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up = false;
      detail = "interrupted";
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new ComponentHealth(
        service.name(), "service", service.baseUrl().toString(), up, detail, millis);
  }
}
