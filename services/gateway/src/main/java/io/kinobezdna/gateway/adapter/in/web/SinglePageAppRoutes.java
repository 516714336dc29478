package io.kinobezdna.gateway.adapter.in.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Client-side routes of the two apps: a browser asking for {@code /films/42} or {@code /m/profile}
 * gets the app's index.html and the app's router takes it from there. Files (paths with an
 * extension), /api, /actuator and the circuit breakers' /fallback forwards are left to their own
 * handlers.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppRoutes {

  private static final Resource WEB_INDEX = new ClassPathResource("static/index.html");
  private static final Resource MOBILE_INDEX = new ClassPathResource("static/m/index.html");

  @Bean
  RouterFunction<ServerResponse> appRoutes() {
    RequestPredicate page =
        GET("/**")
            .and(accept(MediaType.TEXT_HTML))
            .and(request -> !request.path().contains("."))
            .and(request -> !request.path().startsWith("/api/"))
            .and(request -> !request.path().startsWith("/actuator"))
            .and(request -> !request.path().startsWith("/fallback/"));
    RequestPredicate mobile =
        request -> request.path().equals("/m") || request.path().startsWith("/m/");
    return RouterFunctions.route(page.and(mobile), request -> index(MOBILE_INDEX))
        .andRoute(page, request -> index(WEB_INDEX));
  }

  private static reactor.core.publisher.Mono<ServerResponse> index(Resource index) {
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .bodyValue(index);
  }
}
