package io.kinobezdna.platform.web;

import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.RequestContextFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a servlet service imports to behave like the others: the request context on every request,
 * bearer-token checks ({@link CallerAuthentication}) and problem+json errors. The service provides
 * the {@link JwtVerifier} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemJsonAdvice.class)
public class ServletPlatformSupport implements WebMvcConfigurer {

  private final JwtVerifier verifier;

  public ServletPlatformSupport(JwtVerifier verifier) {
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
