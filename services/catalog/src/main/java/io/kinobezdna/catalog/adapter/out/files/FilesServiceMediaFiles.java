package io.kinobezdna.catalog.adapter.out.files;

import io.kinobezdna.catalog.application.port.MediaFiles;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores media through the files service's upload route, as the catalog's own account: it signs in
 * to auth with the account's password and keeps the access token until shortly before it expires
 * (or files turns it down).
 */
public final class FilesServiceMediaFiles implements MediaFiles {

  private static final Logger log = LoggerFactory.getLogger(FilesServiceMediaFiles.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  /** The files service, the auth service and the account catalog signs in with. */
  public record Settings(URI filesUrl, URI authUrl, String account, String password) {}

  private record Token(String value, Instant expiresAt) {}

  private final Settings settings;
  private final HttpClient http;
  private final JsonMapper json;
  private final Clock clock;
  private Token token;

  public FilesServiceMediaFiles(Settings settings, JsonMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public UUID storePublic(String fileName, byte[] content) {
    HttpResponse<String> response = upload(fileName, content, currentToken());
    if (response.statusCode() == 401) {
      forgetToken();
      response = upload(fileName, content, currentToken());
    }
    if (response.statusCode() != 201) {
      throw unavailable("files answered " + response.statusCode());
    }
    return UUID.fromString(json.readTree(response.body()).path("id").asString());
  }

  private HttpResponse<String> upload(String fileName, byte[] content, String bearer) {
    HttpRequest request =
        HttpRequest.newBuilder(settings.filesUrl().resolve("/files?visibility=PUBLIC"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + bearer)
            .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(content))
            .build();
    return send(request);
  }

  private synchronized String currentToken() {
    if (token == null || !clock.instant().plus(RENEW_BEFORE).isBefore(token.expiresAt())) {
      token = signIn();
    }
    return token.value();
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private Token signIn() {
    String body =
        json.writeValueAsString(
            Map.of("email", settings.account(), "password", settings.password()));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(settings.authUrl().resolve("/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw unavailable(
          "the catalog account cannot sign in: auth answered " + response.statusCode());
    }
    JsonNode session = json.readTree(response.body());
    return new Token(
        session.path("accessToken").asString(),
        clock.instant().plusSeconds(session.path("expiresIn").asLong()));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable(request.uri().getHost() + ":" + request.uri().getPort() + " " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
  }

  /** The detail goes to the log; the client learns only that it may try again. */
  private static PlatformError unavailable(String why) {
    log.warn("cannot store film media in files: {}", why);
    return new PlatformError(
        ErrorKind.UNAVAILABLE,
        "MEDIA_STORE_UNAVAILABLE",
        "The film's media cannot be stored right now; try again shortly.");
  }
}
