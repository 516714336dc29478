package io.kinobezdna.platform.grpc;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.platform.errors.PlatformError;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every gRPC call needs a verified caller, unless its method is declared {@link PublicEndpoint} in
 * the service's implementation, or it belongs to the server's own health and reflection services. A
 * handler that forgets to ask for its caller is then still never served to anyone; handlers keep
 * asking ({@link GrpcCalls#caller}) for who the caller is.
 */
public final class CallerRequiredInterceptor implements ServerInterceptor {

  private static final Set<String> SERVER_SERVICES =
      Set.of(
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection");

  private final JwtVerifier verifier;
  private final Set<String> publicMethods;

  public CallerRequiredInterceptor(JwtVerifier verifier, Collection<BindableService> services) {
    this.verifier = verifier;
    this.publicMethods = publicMethods(services);
  }

  /** Full method names ({@code pkg.Service/Method}) whose implementation is declared public. */
  static Set<String> publicMethods(Collection<BindableService> services) {
    Set<String> names = new HashSet<>();
    for (BindableService service : services) {
      ServerServiceDefinition definition = service.bindService();
      String serviceName = definition.getServiceDescriptor().getName();
      for (Method method : service.getClass().getMethods()) {
        if (method.isAnnotationPresent(PublicEndpoint.class)) {
          names.add(serviceName + "/" + rpcName(method.getName()));
        }
      }
    }
    return Set.copyOf(names);
  }

  private static String rpcName(String javaName) {
    return javaName.substring(0, 1).toUpperCase(Locale.ROOT) + javaName.substring(1);
  }

  public Set<String> publicMethods() {
    return publicMethods;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (publicMethods.contains(method)
        || SERVER_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    Optional<String> token =
        ContextPropagation.read(
                name -> headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER)))
            .bearerToken();
    try {
      verifier.verify(token.orElseThrow(GrpcCalls::authenticationRequired));
    } catch (PlatformError e) {
      StatusRuntimeException refused = GrpcErrors.toStatus(e);
      Metadata trailers = refused.getTrailers();
      call.close(refused.getStatus(), trailers == null ? new Metadata() : trailers);
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
