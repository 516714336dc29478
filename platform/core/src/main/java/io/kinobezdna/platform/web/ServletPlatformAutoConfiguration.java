package io.kinobezdna.platform.web;

import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.autoconfigure.PlatformCoreAutoConfiguration;
import io.kinobezdna.platform.context.RequestContextFilter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What makes a servlet service behave like the others: the request context on every request,
 * bearer-token checks ({@link CallerAuthentication}) and problem+json errors.
 */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@Import(ProblemJsonAdvice.class)
public class ServletPlatformAutoConfiguration implements WebMvcConfigurer {

  private final JwtVerifier verifier;

  public ServletPlatformAutoConfiguration(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  /** A Filter bean: Spring Boot registers it for every request, ahead of the dispatcher. */
  @Bean
  static RequestContextFilter platformRequestContextFilter() {
    return new RequestContextFilter();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CallerAuthentication(verifier));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerAuthentication.CallerArgument());
  }
}
