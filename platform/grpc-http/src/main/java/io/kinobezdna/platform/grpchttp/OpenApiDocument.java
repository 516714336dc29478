package io.kinobezdna.platform.grpchttp;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OpenAPI 3.1 document generated from the routes and their message descriptors, so the HTTP
 * reference can never drift from the contract: path and query parameters, JSON bodies and answers
 * in the proto3 JSON mapping (64-bit integers as strings), problem+json errors, bearer auth.
 */
public final class OpenApiDocument {

  private final String title;
  private final String version;
  private final List<HttpRoute> routes;
  private final Map<Integer, String> extraErrorStatuses;

  /**
   * @param extraErrorStatuses error statuses worth listing on every operation besides 400/401/404,
   *     with what they mean (e.g. 412 for the cart)
   */
  public OpenApiDocument(
      String title,
      String version,
      List<HttpRoute> routes,
      Map<Integer, String> extraErrorStatuses) {
    this.title = title;
    this.version = version;
    this.routes = List.copyOf(routes);
    this.extraErrorStatuses = Map.copyOf(extraErrorStatuses);
  }

  /**
   * The document as a JSON-ready tree.
   *
   * @param prefix the path the service is reached under (the gateway's X-Gateway-Prefix), or null
   *     on the service's own port
   */
  public Map<String, Object> render(String prefix) {
    Map<String, Object> schemas = new TreeMap<>();
    schemas.put("Problem", problemSchema());
    Map<String, Object> paths = new TreeMap<>();
    for (HttpRoute route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>)
              paths.computeIfAbsent(route.path().toString(), p -> new LinkedHashMap<>());
      item.put(route.httpMethod().toLowerCase(Locale.ROOT), operation(route, schemas));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put("info", Map.of("title", title, "version", version));
    String server = prefix == null || prefix.isBlank() ? "/" : prefix;
    document.put("servers", List.of(Map.of("url", server)));
    document.put("security", List.of(Map.of("bearer", List.of())));
    document.put("paths", paths);
    document.put(
        "components",
        Map.of(
            "schemas",
            schemas,
            "securitySchemes",
            Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
    return document;
  }

  private Map<String, Object> operation(HttpRoute route, Map<String, Object> schemas) {
    Descriptor input = route.protoMethod().getInputType();
    List<String> pathVariables = route.path().variables();
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("operationId", route.protoMethod().getName());
    operation.put("tags", List.of(route.protoMethod().getService().getName()));
    operation.put("summary", route.protoMethod().getFullName());
    List<Object> parameters = new ArrayList<>();
    for (String variable : pathVariables) {
      FieldDescriptor field = input.findFieldByName(variable);
      parameters.add(
          Map.of(
              "name", variable, "in", "path", "required", true, "schema", schema(field, schemas)));
    }
    if (route.body().isEmpty()) {
      for (FieldDescriptor field : input.getFields()) {
        if (!pathVariables.contains(field.getName())
            && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          parameters.add(
              Map.of("name", field.getJsonName(), "in", "query", "schema", schema(field, schemas)));
        }
      }
    } else {
      operation.put(
          "requestBody",
          Map.of(
              "required",
              true,
              "content",
              Map.of("application/json", Map.of("schema", object(input, pathVariables, schemas)))));
    }
    operation.put("parameters", parameters);
    Map<String, Object> responses = new LinkedHashMap<>();
    if (route.httpMethod().equals("DELETE")) {
      responses.put("204", Map.of("description", "Done."));
    } else {
      responses.put(
          "200",
          Map.of(
              "description",
              "OK",
              "content",
              Map.of(
                  "application/json",
                  Map.of("schema", ref(route.protoMethod().getOutputType(), schemas)))));
    }
    Map<Integer, String> errors = new TreeMap<>(extraErrorStatuses);
    errors.put(400, "Invalid input: one violation per field in errors[].");
    errors.put(401, "A missing or invalid bearer token.");
    errors.put(403, "Not the caller's own resource.");
    errors.put(404, "Not found.");
    errors.forEach((status, text) -> responses.put(status.toString(), problem(text)));
    operation.put("responses", responses);
    return operation;
  }

  private static Map<String, Object> problem(String description) {
    return Map.of(
        "description",
        description,
        "content",
        Map.of(
            "application/problem+json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
  }

  private static Map<String, Object> ref(Descriptor message, Map<String, Object> schemas) {
    String name = message.getFullName();
    if (!schemas.containsKey(name)) {
      schemas.put(name, Map.of()); // placeholder: a message may refer to itself
      schemas.put(name, object(message, List.of(), schemas));
    }
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private static Map<String, Object> object(
      Descriptor message, List<String> leaveOut, Map<String, Object> schemas) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (FieldDescriptor field : message.getFields()) {
      if (!leaveOut.contains(field.getName())) {
        properties.put(field.getJsonName(), schema(field, schemas));
      }
    }
    return Map.of("type", "object", "properties", properties, "additionalProperties", false);
  }

  private static Map<String, Object> schema(FieldDescriptor field, Map<String, Object> schemas) {
    Map<String, Object> single = single(field, schemas);
    return field.isRepeated() ? Map.of("type", "array", "items", single) : single;
  }

  private static Map<String, Object> single(FieldDescriptor field, Map<String, Object> schemas) {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> Map.of("type", "integer", "format", "int32");
      case UINT32, FIXED32 -> Map.of("type", "integer", "format", "int64", "minimum", 0);
      case INT64, SINT64, SFIXED64 -> Map.of("type", "string", "format", "int64");
      case UINT64, FIXED64 -> Map.of("type", "string", "format", "uint64");
      case FLOAT -> Map.of("type", "number", "format", "float");
      case DOUBLE -> Map.of("type", "number", "format", "double");
      case BOOL -> Map.of("type", "boolean");
      case STRING -> Map.of("type", "string");
      case BYTES -> Map.of("type", "string", "format", "byte");
      case ENUM ->
          Map.of(
              "type",
              "string",
              "enum",
              field.getEnumType().getValues().stream().map(EnumValueDescriptor::getName).toList());
      case MESSAGE, GROUP -> ref(field.getMessageType(), schemas);
    };
  }

  private static Map<String, Object> problemSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("type", Map.of("type", "string"));
    properties.put("title", Map.of("type", "string"));
    properties.put("status", Map.of("type", "integer"));
    properties.put("detail", Map.of("type", "string"));
    properties.put("reason", Map.of("type", "string"));
    properties.put("requestId", Map.of("type", "string"));
    properties.put(
        "errors",
        Map.of(
            "type",
            "array",
            "items",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))));
    return Map.of("type", "object", "properties", properties);
  }
}
