package io.kinobezdna.platform.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** A real OpenTelemetry tracer behind Micrometer's API, as a service has it, exporting nowhere. */
final class W3cTracing {

  private final OtelTracer tracer;
  private final OtelPropagator propagator;

  W3cTracing() {
    io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder().build().get("outbox-test");
    tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    propagator =
        new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
  }

  Tracer tracer() {
    return tracer;
  }

  Propagator propagator() {
    return propagator;
  }
}
