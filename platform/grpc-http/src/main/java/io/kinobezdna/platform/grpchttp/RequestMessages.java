package io.kinobezdna.platform.grpchttp;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Builds a route's request message the way gRPC transcoding does: the JSON body (proto3 JSON
 * mapping, unknown fields refused) when the route takes one, then the query parameters (by JSON or
 * proto name, top-level scalar fields only), then the path variables, which win. Every value that
 * does not fit its field is reported, all at once, as an INVALID_ARGUMENT with one violation per
 * field.
 */
final class RequestMessages {

  private static final JsonFormat.Parser JSON = JsonFormat.parser();

  private RequestMessages() {}

  static Message build(
      HttpRoute route,
      Message.Builder builder,
      String body,
      Map<String, String[]> query,
      Map<String, String> pathVariables) {
    if (route.body().equals("*") && !body.isBlank()) {
      try {
        JSON.merge(body, builder);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        throw new PlatformError(
            ErrorKind.INVALID_ARGUMENT,
            "INVALID_JSON",
            "The request body is not valid JSON for this call: " + e.getMessage());
      }
    } else if (!route.body().equals("*") && !body.isBlank()) {
      throw new PlatformError(
          ErrorKind.INVALID_ARGUMENT, "UNEXPECTED_BODY", "This call takes no request body.");
    }
    List<PlatformError.FieldViolation> violations = new ArrayList<>();
    for (Map.Entry<String, String[]> parameter : query.entrySet()) {
      FieldDescriptor field = findField(builder, parameter.getKey());
      if (field == null || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        violations.add(
            new PlatformError.FieldViolation(
                parameter.getKey(), "is not a parameter of this call"));
        continue;
      }
      if (!field.isRepeated() && parameter.getValue().length > 1) {
        violations.add(
            new PlatformError.FieldViolation(field.getName(), "is given more than once"));
        continue;
      }
      for (String value : parameter.getValue()) {
        set(builder, field, value, violations);
      }
    }
    for (Map.Entry<String, String> variable : pathVariables.entrySet()) {
      FieldDescriptor field = builder.getDescriptorForType().findFieldByName(variable.getKey());
      builder.clearField(field);
      set(builder, field, variable.getValue(), violations);
    }
    if (!violations.isEmpty()) {
      throw PlatformError.invalid(violations);
    }
    return builder.build();
  }

  private static FieldDescriptor findField(Message.Builder builder, String name) {
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      if (field.getName().equals(name) || field.getJsonName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  private static void set(
      Message.Builder builder,
      FieldDescriptor field,
      String text,
      List<PlatformError.FieldViolation> violations) {
    Object value;
    try {
      value = scalar(field, text);
    } catch (IllegalArgumentException e) {
      violations.add(new PlatformError.FieldViolation(field.getName(), e.getMessage()));
      return;
    }
    if (field.isRepeated()) {
      builder.addRepeatedField(field, value);
    } else {
      builder.setField(field, value);
    }
  }

  /** The text as the field's type; IllegalArgumentException with a message for the client. */
  static Object scalar(FieldDescriptor field, String text) {
    boolean unsigned =
        switch (field.getType()) {
          case UINT32, FIXED32, UINT64, FIXED64 -> true;
          default -> false;
        };
    try {
      return switch (field.getJavaType()) {
        case INT -> unsigned ? Integer.parseUnsignedInt(text) : Integer.parseInt(text);
        case LONG -> unsigned ? Long.parseUnsignedLong(text) : Long.parseLong(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case BOOLEAN -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("must be true or false");
          }
          yield Boolean.parseBoolean(text);
        }
        case STRING -> text;
        case BYTE_STRING -> ByteString.copyFrom(Base64.getUrlDecoder().decode(text));
        case ENUM -> {
          EnumValueDescriptor value = field.getEnumType().findValueByName(text);
          if (value == null) {
            throw new IllegalArgumentException("is not one of the allowed values");
          }
          yield value;
        }
        case MESSAGE -> throw new IllegalArgumentException("cannot be given in the URL");
      };
    } catch (NumberFormatException e) {
      boolean whole =
          field.getJavaType() == FieldDescriptor.JavaType.INT
              || field.getJavaType() == FieldDescriptor.JavaType.LONG;
      String expected =
          !whole
              ? "must be a number"
              : unsigned ? "must be a whole number, not negative" : "must be a whole number";
      throw new IllegalArgumentException(expected, e);
    }
  }
}
