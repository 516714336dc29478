package io.kinobezdna.platform.grpchttp;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.ArrayList;
import java.util.List;

/**
 * One gRPC method reachable over HTTP, as its {@code google.api.http} option describes it.
 *
 * @param httpMethod GET, POST, PUT, PATCH or DELETE
 * @param body {@code "*"} when the JSON body fills the request (path variables win over it), empty
 *     when there is none and the remaining fields come from the query string
 */
public record HttpRoute(
    String httpMethod,
    PathTemplate path,
    String body,
    MethodDescriptor<Message, Message> grpcMethod,
    Descriptors.MethodDescriptor protoMethod) {

  /**
   * The routes of every annotated method of the given services; methods without one are left out.
   */
  public static List<HttpRoute> of(List<ServiceDescriptor> services) {
    List<HttpRoute> routes = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
          continue;
        }
        Descriptors.MethodDescriptor proto = supplier.getMethodDescriptor();
        if (!proto.getOptions().hasExtension(AnnotationsProto.http)) {
          continue;
        }
        routes.add(
            route(cast(method), proto, proto.getOptions().getExtension(AnnotationsProto.http)));
      }
    }
    return List.copyOf(routes);
  }

  @SuppressWarnings("unchecked")
  private static MethodDescriptor<Message, Message> cast(MethodDescriptor<?, ?> method) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY) {
      throw new IllegalArgumentException(
          "only unary methods can be transcoded: " + method.getFullMethodName());
    }
    return (MethodDescriptor<Message, Message>) method;
  }

  private static HttpRoute route(
      MethodDescriptor<Message, Message> method,
      Descriptors.MethodDescriptor proto,
      HttpRule rule) {
    String verb;
    String path;
    switch (rule.getPatternCase()) {
      case GET -> {
        verb = "GET";
        path = rule.getGet();
      }
      case POST -> {
        verb = "POST";
        path = rule.getPost();
      }
      case PUT -> {
        verb = "PUT";
        path = rule.getPut();
      }
      case PATCH -> {
        verb = "PATCH";
        path = rule.getPatch();
      }
      case DELETE -> {
        verb = "DELETE";
        path = rule.getDelete();
      }
      default ->
          throw new IllegalArgumentException("unsupported http rule on " + proto.getFullName());
    }
    if (!rule.getBody().isEmpty() && !rule.getBody().equals("*")) {
      throw new IllegalArgumentException(
          "only body \"*\" or none is supported, not \""
              + rule.getBody()
              + "\": "
              + proto.getFullName());
    }
    PathTemplate template = PathTemplate.parse(path);
    for (String variable : template.variables()) {
      if (proto.getInputType().findFieldByName(variable) == null) {
        throw new IllegalArgumentException(
            proto.getFullName() + ": path variable {" + variable + "} names no request field");
      }
    }
    return new HttpRoute(verb, template, rule.getBody(), method, proto);
  }
}
