package io.kinobezdna.auth.adapter.in.web;

import io.kinobezdna.auth.application.Session;
import io.kinobezdna.auth.application.command.LogIn;
import io.kinobezdna.auth.application.command.LogInHandler;
import io.kinobezdna.auth.application.command.LogOut;
import io.kinobezdna.auth.application.command.LogOutEverywhere;
import io.kinobezdna.auth.application.command.LogOutEverywhereHandler;
import io.kinobezdna.auth.application.command.LogOutHandler;
import io.kinobezdna.auth.application.command.RefreshSession;
import io.kinobezdna.auth.application.command.RefreshSessionHandler;
import io.kinobezdna.auth.application.command.RegisterAccount;
import io.kinobezdna.auth.application.command.RegisterAccountHandler;
import io.kinobezdna.auth.domain.Role;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in and sessions. The access token goes in the JSON body (the app keeps it in
 * memory); the refresh token only in an HttpOnly, SameSite=Strict cookie scoped to the auth routes,
 * out of reach of page scripts.
 */
@RestController
public class AuthController {

  public static final String REFRESH_COOKIE = "kb_refresh";

  public record RegisterRequest(String email, String password, String displayName) {}

  public record LoginRequest(String email, String password) {}

  public record UserView(UUID id, String email, String displayName, List<String> roles) {}

  public record SessionView(
      String accessToken, String tokenType, Instant expiresAt, long expiresIn, UserView user) {}

  /** Where the browser sends the refresh cookie: the auth routes as the gateway exposes them. */
  public record CookieSettings(String path, boolean secure) {}

  private final RegisterAccountHandler register;
  private final LogInHandler logIn;
  private final RefreshSessionHandler refresh;
  private final LogOutHandler logOut;
  private final LogOutEverywhereHandler logOutEverywhere;
  private final CookieSettings cookie;
  private final Clock clock;

  public AuthController(
      RegisterAccountHandler register,
      LogInHandler logIn,
      RefreshSessionHandler refresh,
      LogOutHandler logOut,
      LogOutEverywhereHandler logOutEverywhere,
      CookieSettings cookie,
      Clock clock) {
    this.register = register;
    this.logIn = logIn;
    this.refresh = refresh;
    this.logOut = logOut;
    this.logOutEverywhere = logOutEverywhere;
    this.cookie = cookie;
    this.clock = clock;
  }

  @PublicEndpoint
  @PostMapping("/register")
  ResponseEntity<SessionView> register(
      @RequestBody RegisterRequest body, HttpServletRequest request) {
    Session session =
        register.handle(
            new RegisterAccount(
                body.email(), body.password(), body.displayName(), ClientAddress.of(request)));
    return withSession(HttpStatus.CREATED, session);
  }

  @PublicEndpoint
  @PostMapping("/login")
  ResponseEntity<SessionView> login(@RequestBody LoginRequest body, HttpServletRequest request) {
    Session session =
        logIn.handle(new LogIn(body.email(), body.password(), ClientAddress.of(request)));
    return withSession(HttpStatus.OK, session);
  }

  @PublicEndpoint
  @PostMapping("/refresh")
  ResponseEntity<SessionView> refresh(
      @CookieValue(name = REFRESH_COOKIE, required = false) String refreshToken,
      HttpServletRequest request) {
    Session session = refresh.handle(new RefreshSession(refreshToken, ClientAddress.of(request)));
    return withSession(HttpStatus.OK, session);
  }

  @PublicEndpoint
  @PostMapping("/logout")
  ResponseEntity<Void> logout(
      @CookieValue(name = REFRESH_COOKIE, required = false) String refreshToken,
      HttpServletRequest request) {
    logOut.handle(new LogOut(refreshToken, ClientAddress.of(request)));
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, refreshCookie("", Duration.ZERO))
        .build();
  }

  @PostMapping("/logout-everywhere")
  ResponseEntity<Void> logoutEverywhere(VerifiedCaller caller, HttpServletRequest request) {
    logOutEverywhere.handle(new LogOutEverywhere(caller.userUuid(), ClientAddress.of(request)));
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, refreshCookie("", Duration.ZERO))
        .build();
  }

  private ResponseEntity<SessionView> withSession(HttpStatus status, Session session) {
    Instant now = clock.instant();
    SessionView view =
        new SessionView(
            session.accessToken(),
            "Bearer",
            session.accessTokenExpiresAt(),
            Duration.between(now, session.accessTokenExpiresAt()).toSeconds(),
            new UserView(
                session.account().id(),
                session.account().email().value(),
                session.account().displayName(),
                session.account().roles().stream().map(Role::name).sorted().toList()));
    return ResponseEntity.status(status)
        .header(
            HttpHeaders.SET_COOKIE,
            refreshCookie(
                session.refreshToken(), Duration.between(now, session.refreshTokenExpiresAt())))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(view);
  }

  private String refreshCookie(String value, Duration maxAge) {
    return ResponseCookie.from(REFRESH_COOKIE, value)
        .httpOnly(true)
        .secure(cookie.secure())
        .sameSite("Strict")
        .path(cookie.path())
        .maxAge(maxAge)
        .build()
        .toString();
  }
}
