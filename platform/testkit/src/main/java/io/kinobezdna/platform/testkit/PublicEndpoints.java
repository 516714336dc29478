package io.kinobezdna.platform.testkit;

import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.grpc.CallerRequiredInterceptor;
import io.kinobezdna.platform.web.CallerAuthentication;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints a started service serves without a signed-in caller, sorted: HTTP handlers declared
 * {@link PublicEndpoint} as {@code "GET /films/{id}"} ({@link #of}), gRPC methods declared so as
 * {@code "pkg.Service/Method"} ({@link #grpcMethods}). A service's IT compares them with the list
 * it expects, so a new public endpoint is a change someone sees.
 */
public final class PublicEndpoints {

  private PublicEndpoints() {}

  public static List<String> of(ApplicationContext service) {
    RequestMappingHandlerMapping mapping =
        service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    return mapping.getHandlerMethods().entrySet().stream()
        .filter(e -> CallerAuthentication.isPublic(e.getValue()))
        .flatMap(e -> endpoints(e.getKey()))
        .sorted()
        .toList();
  }

  /** The gRPC methods of a service that answer without a verified caller. */
  public static List<String> grpcMethods(ApplicationContext service) {
    return service.getBean(CallerRequiredInterceptor.class).publicMethods().stream()
        .sorted()
        .toList();
  }

  private static Stream<String> endpoints(RequestMappingInfo info) {
    return info.getMethodsCondition().getMethods().stream()
        .flatMap(m -> info.getPatternValues().stream().map(path -> m.name() + " " + path));
  }
}
