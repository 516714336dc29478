package io.kinobezdna.platform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spans go to Zipkin only when a service is told where it is ({@code
 * management.tracing.export.zipkin.endpoint}, set by the launcher or the chart). Boot would
 * otherwise send them to localhost:9411 and log every failed attempt; trace and span ids still
 * reach every log line either way. Explicit settings win: these are the lowest-priority defaults.
 */
public final class TracingDefaults implements EnvironmentPostProcessor {

  static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";
  static final String ZIPKIN_EXPORT = "management.tracing.export.zipkin.enabled";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    boolean zipkinKnown = environment.containsProperty(ZIPKIN_ENDPOINT);
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "kinobezdna-tracing-defaults",
                Map.of(ZIPKIN_EXPORT, Boolean.toString(zipkinKnown))));
  }
}
