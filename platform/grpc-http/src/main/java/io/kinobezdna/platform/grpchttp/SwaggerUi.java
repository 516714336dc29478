package io.kinobezdna.platform.grpchttp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * swagger-ui under {@code /swagger-ui/}: our page and start script (no inline script, so the
 * gateway's Content-Security-Policy allows it) and the webjar's files, all pointing at {@code
 * ../openapi.json} by relative paths, so the same page works on the service's own port and through
 * the gateway under {@code /api/<service>/}.
 */
final class SwaggerUi {

  private static final String OWN = "/io/kinobezdna/platform/grpchttp/swagger-ui/";
  private static final String WEBJAR =
      "/META-INF/resources/webjars/swagger-ui/" + Versions.SWAGGER_UI + "/";

  /** Files served, by name under /swagger-ui/, with their type and where they come from. */
  private static final Map<String, String[]> FILES =
      Map.of(
          "",
          new String[] {"text/html", OWN + "index.html"},
          "index.html",
          new String[] {"text/html", OWN + "index.html"},
          "swagger-init.js",
          new String[] {"text/javascript", OWN + "swagger-init.js"},
          "swagger-ui.css",
          new String[] {"text/css", WEBJAR + "swagger-ui.css"},
          "swagger-ui-bundle.js",
          new String[] {"text/javascript", WEBJAR + "swagger-ui-bundle.js"},
          "swagger-ui-standalone-preset.js",
          new String[] {"text/javascript", WEBJAR + "swagger-ui-standalone-preset.js"});

  /** Writes the file when the path names one; false when it does not. */
  boolean serve(String path, HttpServletResponse response) throws IOException {
    if (path.equals("/swagger-ui")) {
      response.setStatus(301);
      response.setHeader("Location", "swagger-ui/");
      return true;
    }
    if (!path.startsWith(HttpJsonTranscoder.SWAGGER_UI_PATH)) {
      return false;
    }
    String[] file = FILES.get(path.substring(HttpJsonTranscoder.SWAGGER_UI_PATH.length()));
    if (file == null) {
      return false;
    }
    try (InputStream in = SwaggerUi.class.getResourceAsStream(file[1])) {
      if (in == null) {
        throw new IllegalStateException("swagger-ui file missing from the classpath: " + file[1]);
      }
      response.setStatus(200);
      response.setContentType(file[0] + ";charset=UTF-8");
      response.setHeader("Cache-Control", "public, max-age=3600");
      in.transferTo(response.getOutputStream());
    }
    return true;
  }
}
