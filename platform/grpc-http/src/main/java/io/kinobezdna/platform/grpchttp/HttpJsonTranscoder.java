package io.kinobezdna.platform.grpchttp;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.context.RequestContextFilter;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.ProblemDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a gRPC service's {@code google.api.http} routes as HTTP/JSON (gRPC transcoding): each
 * request becomes the method's request message ({@link RequestMessages}), is sent through a channel
 * to the service itself — an in-process channel, so the call passes the same interceptors (request
 * context, token, protovalidate) as a call from another service — and the answer goes back as
 * proto3 JSON, or as problem+json built from the gRPC status and its details. Also serves the
 * routes' OpenAPI document at {@code /openapi.json} and swagger-ui at {@code /swagger-ui/}.
 *
 * <p>HTTP statuses follow the usual gRPC mapping ({@link io.kinobezdna.platform.errors.ErrorKind}),
 * with a per-service override where a contract says otherwise (the Route256 cart answers 412 for a
 * failed precondition); a DELETE that succeeds answers 204 without a body.
 */
public final class HttpJsonTranscoder extends HttpFilter implements Ordered {

  @Override
  public int getOrder() {
    return RequestContextFilter.ORDER + 1;
  }

  static final String OPENAPI_PATH = "/openapi.json";
  static final String SWAGGER_UI_PATH = "/swagger-ui/";

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private final List<HttpRoute> routes;
  private final Channel channel;
  private final Map<Status.Code, Integer> statusOverrides;
  private final Duration timeout;
  private final OpenApiDocument openApi;
  private final SwaggerUi swaggerUi;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param channel a channel to the service that implements the routes
   * @param statusOverrides HTTP statuses that differ from the usual mapping, by gRPC code
   * @param timeout the deadline of a call unless the request brings an earlier one
   */
  public HttpJsonTranscoder(
      List<HttpRoute> routes,
      Channel channel,
      Map<Status.Code, Integer> statusOverrides,
      Duration timeout,
      OpenApiDocument openApi) {
    this.routes = List.copyOf(routes);
    this.channel = channel;
    this.statusOverrides = Map.copyOf(statusOverrides);
    this.timeout = timeout;
    this.openApi = openApi;
    this.swaggerUi = new SwaggerUi();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    if (method.equals("GET") && path.equals(OPENAPI_PATH)) {
      writeJson(response, 200, openApi.render(request.getHeader("X-Gateway-Prefix")));
      return;
    }
    if (method.equals("GET") && swaggerUi.serve(path, response)) {
      return;
    }
    List<String> allowed = new ArrayList<>();
    for (HttpRoute route : routes) {
      Optional<Map<String, String>> variables = route.path().match(path);
      if (variables.isEmpty()) {
        continue;
      }
      allowed.add(route.httpMethod());
      if (route.httpMethod().equals(method)) {
        transcode(route, variables.get(), request, response);
        return;
      }
    }
    if (!allowed.isEmpty()) {
      response.setHeader("Allow", String.join(", ", allowed));
      writeProblem(
          response,
          405,
          new PlatformError(
              io.kinobezdna.platform.errors.ErrorKind.INVALID_ARGUMENT,
              "METHOD_NOT_ALLOWED",
              method + " is not allowed on " + path + "."));
      return;
    }
    chain.doFilter(request, response);
  }

  private void transcode(
      HttpRoute route,
      Map<String, String> variables,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Message answer;
    try {
      String body = readBody(request);
      Message prototype = requestPrototype(route.grpcMethod());
      Message message =
          RequestMessages.build(
              route, prototype.newBuilderForType(), body, request.getParameterMap(), variables);
      answer =
          ClientCalls.blockingUnaryCall(
              channel,
              route.grpcMethod(),
              CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
              message);
    } catch (PlatformError e) {
      writeProblem(response, e.kind().httpStatus().value(), e);
      return;
    } catch (StatusRuntimeException e) {
      PlatformError error = GrpcErrors.fromStatus(e);
      int status =
          statusOverrides.getOrDefault(e.getStatus().getCode(), error.kind().httpStatus().value());
      writeProblem(response, status, error);
      return;
    }
    if (route.httpMethod().equals("DELETE")) {
      response.setStatus(204);
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(PRINTER.print(answer));
  }

  private static String readBody(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Message requestPrototype(MethodDescriptor<Message, Message> method) {
    if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Message> m) {
      return m.getMessagePrototype();
    }
    throw new IllegalStateException("no message prototype for " + method.getFullMethodName());
  }

  private void writeProblem(HttpServletResponse response, int status, PlatformError error)
      throws IOException {
    String requestId = RequestContext.current().map(RequestContext::requestId).orElse(null);
    ProblemDetail problem = ProblemDetails.of(error, requestId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", status);
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(body));
  }

  private void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(body));
  }
}
