package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.components.Zipkin;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./kb up} with every service in this JVM, then {@code ./kb status}, a traced checkout, then
 * Ctrl-C.
 */
class KbIT {

  private static void aCheckoutIsOneTraceFromTheGatewayToTheNotificationsConsumer(
      String gateway, String zipkin) throws Exception {
    CheckoutTrace checkout = new CheckoutTrace(gateway, zipkin);
    Set<String> path = Set.of("gateway", "cart", "catalog", "orders", "notifications");
    Map<String, JsonNode> spans = checkout.checkOutAndCollectSpans(path);

    assertThat(CheckoutTrace.services(spans))
        .as("services in trace %s", checkout.traceId())
        .containsAll(path);
    JsonNode received =
        spans.values().stream()
            .filter(span -> CheckoutTrace.serviceOf(span).equals("notifications"))
            .filter(span -> span.path("kind").asString("").equals("CONSUMER"))
            .filter(span -> span.path("name").asString("").startsWith("loms.order-events"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no consumer span of notifications: " + spans));
    JsonNode producer = spans.get(received.path("parentId").asString(""));
    assertThat(producer)
        .as("the order event's consumer span continues the span of orders that raised the event")
        .isNotNull();
    assertThat(CheckoutTrace.serviceOf(producer)).isEqualTo("orders");
  }

  @Test
  void upServesTheStatusPageStatusSeesItAndStoppingLeavesNothingListening() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensureAll();
    int gatewayPort = PlatformIT.freePort();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Kb kb =
        new Kb(infra.home(), gatewayPort, new PrintStream(console, true, StandardCharsets.UTF_8));
    CountDownLatch ctrlC = new CountDownLatch(1);

    CompletableFuture<Integer> up =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return kb.up(List.of(), ctrlC);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline && !up.isDone()) {
      try {
        page =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/status"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
    try {
      assertThat(page).isNotNull();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<div id=\"root\">");
      assertThat(infra.home().pidFile(Kb.PLATFORM_PID)).exists();
      assertThat(kb.status()).isTrue();
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("platform ready in")
          .contains("http://localhost:" + gatewayPort + "/status")
          .containsPattern("gateway +up +http://127.0.0.1:" + gatewayPort)
          .containsPattern("postgres +up")
          .contains("Traces         " + Zipkin.uiUrl(infra.ports()));
      aCheckoutIsOneTraceFromTheGatewayToTheNotificationsConsumer(
          "http://127.0.0.1:" + gatewayPort, "http://127.0.0.1:" + infra.ports().zipkin());
    } finally {
      ctrlC.countDown();
    }
    assertThat(up.get(1, TimeUnit.MINUTES)).isZero();
    assertThat(PlatformIT.listening(gatewayPort)).isFalse();
    assertThat(infra.home().pidFile(Kb.PLATFORM_PID)).doesNotExist();
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("[kb] stopped")
        .contains("left running (they were up before this start; ./kb down stops them): ");
  }
}
