package io.kinobezdna.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTest {

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
    new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void noSpansAreSentWhileNobodySaidWhereZipkinIs() {
    assertThat(environment(Map.of()).getProperty(TracingDefaults.ZIPKIN_EXPORT)).isEqualTo("false");
  }

  @Test
  void spansGoToAZipkinThatWasConfigured() {
    StandardEnvironment environment =
        environment(Map.of(TracingDefaults.ZIPKIN_ENDPOINT, "http://127.0.0.1:1/api/v2/spans"));
    assertThat(environment.getProperty(TracingDefaults.ZIPKIN_EXPORT)).isEqualTo("true");
  }

  @Test
  void anExplicitSettingWins() {
    StandardEnvironment environment =
        environment(
            Map.of(
                TracingDefaults.ZIPKIN_ENDPOINT,
                "http://127.0.0.1:1/api/v2/spans",
                TracingDefaults.ZIPKIN_EXPORT,
                "false"));
    assertThat(environment.getProperty(TracingDefaults.ZIPKIN_EXPORT)).isEqualTo("false");
  }
}
