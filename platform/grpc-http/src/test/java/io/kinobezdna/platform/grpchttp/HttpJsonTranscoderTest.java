package io.kinobezdna.platform.grpchttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.cart.v1.AddItemRequest;
import io.kinobezdna.contracts.cart.v1.AddItemResponse;
import io.kinobezdna.contracts.cart.v1.CartItem;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import io.kinobezdna.contracts.cart.v1.ClearRequest;
import io.kinobezdna.contracts.cart.v1.ClearResponse;
import io.kinobezdna.contracts.cart.v1.ListRequest;
import io.kinobezdna.contracts.cart.v1.ListResponse;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.platform.errors.PlatformError;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transcoder against an in-process cart stand-in: requests built from path, query and body,
 * answers as proto3 JSON, gRPC failures as problem+json with the service's status overrides.
 */
class HttpJsonTranscoderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AtomicReference<Object> received = new AtomicReference<>();
  private final AtomicReference<String> token = new AtomicReference<>();
  private final InProcessGrpc grpc =
      InProcessGrpc.start(
          List.<BindableService>of(new Cart()),
          new ProtoValidationInterceptor(),
          ObservationRegistry.NOOP);
  private final List<HttpRoute> routes =
      HttpRoute.of(List.of(CartServiceGrpc.getServiceDescriptor()));
  private final HttpJsonTranscoder transcoder =
      new HttpJsonTranscoder(
          routes,
          grpc.channel(),
          Map.of(Status.Code.FAILED_PRECONDITION, 412),
          Duration.ofSeconds(5),
          new OpenApiDocument("cart", "v1", routes, Map.of(412, "Unknown SKU.")));

  static final String USER = "0195f0c2-7d1e-7c3a-9b1e-1f2d3c4b5a69";

  final class Cart extends CartServiceGrpc.CartServiceImplBase {
    @Override
    public void addItem(AddItemRequest request, StreamObserver<AddItemResponse> answer) {
      received.set(request);
      token.set(RequestContext.current().flatMap(RequestContext::bearerToken).orElse(null));
      if (request.getSku() == 404) {
        answer.onError(
            GrpcErrors.toStatus(
                new PlatformError(ErrorKind.FAILED_PRECONDITION, "UNKNOWN_SKU", "No such SKU.")));
        return;
      }
      answer.onNext(AddItemResponse.getDefaultInstance());
      answer.onCompleted();
    }

    @Override
    public void list(ListRequest request, StreamObserver<ListResponse> answer) {
      answer.onNext(
          ListResponse.newBuilder()
              .addItems(
                  CartItem.newBuilder().setSku(7).setName("Metropolis").setCount(2).setPrice(100))
              .setTotalPrice(200)
              .build());
      answer.onCompleted();
    }

    @Override
    public void clear(ClearRequest request, StreamObserver<ClearResponse> answer) {
      answer.onNext(ClearResponse.getDefaultInstance());
      answer.onCompleted();
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    grpc.close();
  }

  private MockHttpServletResponse send(String method, String path, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    int query = path.indexOf('?');
    if (query >= 0) {
      request.setRequestURI(path.substring(0, query));
      for (String pair : path.substring(query + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        request.addParameter(kv[0], kv[1]);
      }
    }
    if (body != null) {
      request.setContent(body.getBytes(StandardCharsets.UTF_8));
      request.setContentType("application/json");
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    RequestContext.newRequest()
        .withCaller("caller-1", "token-1")
        .call(
            () -> {
              transcoder.doFilter(request, response, chain);
              return null;
            });
    if (chain.getRequest() != null) {
      response.setStatus(599); // passed on: not a route of ours
    }
    return response;
  }

  private static JsonNode json(MockHttpServletResponse response) throws Exception {
    return JSON.readTree(response.getContentAsString());
  }

  @Test
  void pathVariablesAndTheBodyMakeTheRequestAndTheTokenTravels() throws Exception {
    MockHttpServletResponse response = send("POST", "/user/" + USER + "/cart/42", "{\"count\": 3}");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).isEqualTo("{}");
    AddItemRequest request = (AddItemRequest) received.get();
    assertThat(request.getUserId()).isEqualTo(USER);
    assertThat(request.getSku()).isEqualTo(42);
    assertThat(request.getCount()).isEqualTo(3);
    assertThat(token.get()).isEqualTo("token-1");
  }

  @Test
  void answersUseTheContractsJsonNames() throws Exception {
    JsonNode cart = json(send("GET", "/user/" + USER + "/cart", null));
    assertThat(cart.get("total_price").asInt()).isEqualTo(200);
    assertThat(cart.get("items").get(0).get("sku").asString()).isEqualTo("7");
    assertThat(cart.get("items").get(0).get("name").asString()).isEqualTo("Metropolis");
  }

  @Test
  void aDeleteAnswersNoContent() throws Exception {
    assertThat(send("DELETE", "/user/" + USER + "/cart", null).getStatus()).isEqualTo(204);
  }

  @Test
  void ruleViolationsAreOnePerField() throws Exception {
    MockHttpServletResponse response = send("POST", "/user/someone/cart/0", "{\"count\": 0}");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    List<String> fields =
        json(response).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).containsExactlyInAnyOrder("user_id", "sku", "count");
    assertThat(received.get()).isNull();
  }

  @Test
  void valuesThatDoNotFitTheirFieldsAreNamed() throws Exception {
    MockHttpServletResponse response =
        send("POST", "/user/" + USER + "/cart/abc", "{\"count\": 1}");
    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("sku");
    assertThat(error.get("message").asString()).isEqualTo("must be a whole number");
    assertThat(
            json(send("POST", "/user/" + USER + "/cart/1", "{\"count\": "))
                .get("reason")
                .asString())
        .isEqualTo("INVALID_JSON");
    assertThat(
            json(send("POST", "/user/" + USER + "/cart/1", "{\"colour\": 1}"))
                .get("reason")
                .asString())
        .isEqualTo("INVALID_JSON");
    assertThat(
            json(send("GET", "/user/" + USER + "/cart?page=2", null))
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("page");
    assertThat(send("GET", "/user/" + USER + "/cart", "{}").getStatus()).isEqualTo(400);
  }

  @Test
  void statusOverridesApplyToGrpcFailures() throws Exception {
    MockHttpServletResponse response =
        send("POST", "/user/" + USER + "/cart/404", "{\"count\": 1}");
    assertThat(response.getStatus()).isEqualTo(412);
    assertThat(json(response).get("reason").asString()).isEqualTo("UNKNOWN_SKU");
    assertThat(json(response).get("status").asInt()).isEqualTo(412);
  }

  @Test
  void otherPathsAndMethodsAreNotOurs() throws Exception {
    assertThat(send("GET", "/actuator/health", null).getStatus()).isEqualTo(599);
    MockHttpServletResponse put = send("PUT", "/user/" + USER + "/cart", null);
    assertThat(put.getStatus()).isEqualTo(405);
    assertThat(put.getHeader("Allow")).isEqualTo("DELETE, GET");
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() throws Exception {
    MockHttpServletResponse response = send("GET", "/openapi.json", null);
    JsonNode document = json(response);
    assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
    JsonNode add = document.get("paths").get("/user/{user_id}/cart/{sku}").get("post");
    assertThat(add.get("parameters").valueStream().map(p -> p.get("name").asString()))
        .containsExactly("user_id", "sku");
    assertThat(
            add.get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("properties")
                .has("count"))
        .isTrue();
    assertThat(add.get("responses").has("412")).isTrue();
    JsonNode list = document.get("paths").get("/user/{user_id}/cart").get("get");
    assertThat(
            list.get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asString())
        .isEqualTo("#/components/schemas/kinobezdna.cart.v1.ListResponse");
    JsonNode item = document.get("components").get("schemas").get("kinobezdna.cart.v1.CartItem");
    assertThat(item.get("properties").get("sku").get("type").asString()).isEqualTo("string");
    assertThat(item.get("properties").get("count").get("type").asString()).isEqualTo("integer");
    assertThat(
            document
                .get("paths")
                .get("/user/{user_id}/cart")
                .get("delete")
                .get("responses")
                .has("204"))
        .isTrue();
    Map<String, Object> behindGateway =
        new OpenApiDocument("cart", "v1", routes, Map.of()).render("/api/cart");
    assertThat(behindGateway.get("servers")).isEqualTo(List.of(Map.of("url", "/api/cart")));
  }

  @Test
  void swaggerUiIsServedFromThePlatformAndTheWebjar() throws Exception {
    MockHttpServletResponse page = send("GET", "/swagger-ui/", null);
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("swagger-init.js");
    assertThat(send("GET", "/swagger-ui/swagger-ui-bundle.js", null).getContentAsByteArray().length)
        .isGreaterThan(100_000);
    assertThat(send("GET", "/swagger-ui", null).getHeader("Location")).isEqualTo("swagger-ui/");
    assertThat(send("GET", "/swagger-ui/secret.txt", null).getStatus()).isEqualTo(599);
  }

  @Test
  void queryParametersFillScalarFieldsOfTheirType() {
    var builder = io.kinobezdna.contracts.orders.v1.ListOrdersRequest.newBuilder();
    HttpRoute route =
        HttpRoute.of(List.of(OrdersServiceGrpc.getServiceDescriptor())).stream()
            .filter(r -> r.protoMethod().getName().equals("ListOrders"))
            .findFirst()
            .orElseThrow();
    var message =
        (io.kinobezdna.contracts.orders.v1.ListOrdersRequest)
            RequestMessages.build(
                route,
                builder,
                "",
                Map.of("beforeOrderId", new String[] {"17"}, "limit", new String[] {"5"}),
                Map.of("user_id", USER));
    assertThat(message.getBeforeOrderId()).isEqualTo(17);
    assertThat(message.getLimit()).isEqualTo(5);
    assertThatThrownBy(
            () ->
                RequestMessages.build(
                    route,
                    io.kinobezdna.contracts.orders.v1.ListOrdersRequest.newBuilder(),
                    "",
                    Map.of("limit", new String[] {"1", "2"}),
                    Map.of()))
        .isInstanceOf(PlatformError.class);
  }

  @Test
  void pathTemplatesMatchWholeSegmentsOnly() {
    PathTemplate template = PathTemplate.parse("/user/{user_id}/cart/{sku}");
    assertThat(template.match("/user/u1/cart/5")).hasValue(Map.of("user_id", "u1", "sku", "5"));
    assertThat(template.match("/user/u1/cart")).isEmpty();
    assertThat(template.match("/user//cart/5")).isEmpty();
    assertThat(template.match("/users/u1/cart/5")).isEmpty();
    assertThat(template.variables()).containsExactly("user_id", "sku");
    assertThatThrownBy(() -> PathTemplate.parse("/v1/{name=shelves/*}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.parse("no-slash"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
