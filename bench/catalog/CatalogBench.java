package catalog;

import static load.Load.closedLoop;
import static load.Load.http;
import static load.Load.openLoop;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search and film pages of the catalog through the gateway, as anonymous visitors browse: typed
 * titles with typos and prefixes in both languages, genre browsing with sorts, filters. Prints one
 * JSON line per phase.
 *
 * <ul>
 *   <li>search-latency: open loop at RATE requests/s (the goal's load), latency from each request's
 *       planned start;
 *   <li>search-capacity: closed loop with WORKERS workers, the most the platform serves;
 *   <li>film-page-latency: open loop at RATE over film pages found by the searches.
 * </ul>
 *
 * <p>Usage: java catalog/CatalogBench.java gatewayBase seconds rate workers
 */
public class CatalogBench {

  /** What visitors type and click: typos, prefixes, stems, genre chips, sorts and filters. */
  static final List<String> SEARCHES =
      List.of(
          "q=metropolsi",
          "q=" + encode("Метраполис"),
          "q=nosferat",
          "q=" + encode("тихая гаван"),
          "q=" + encode("холодный ветер 3"),
          "q=the%20silent%20harbr",
          "q=" + encode("броненосцы"),
          "q=golden%20riv",
          "q=" + encode("северн"),
          "q=lost%20horizon%207",
          "genre=drama&sort=newest",
          "genre=horror&genre=thriller&sort=rating",
          "sort=popular",
          "genre=comedy&sort=title",
          "yearFrom=1990&yearTo=2000&country=RU",
          "q=the&genre=sci-fi&maxAgeRating=12",
          "genre=silent&sort=newest",
          "q=" + encode("зеркало") + "&sort=newest");

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    int seconds = Integer.parseInt(args[1]), rate = Integer.parseInt(args[2]);
    int workers = Integer.parseInt(args[3]);
    List<HttpRequest> searches = new ArrayList<>();
    for (String query : SEARCHES) {
      searches.add(get(gateway + "/api/catalog/films?lang=en&limit=24&" + query));
    }
    List<HttpRequest> filmPages = new ArrayList<>();
    for (String query : SEARCHES.subList(0, 10)) {
      for (String id : ids(gateway + "/api/catalog/films?limit=5&" + query)) {
        filmPages.add(get(gateway + "/api/catalog/films/" + id));
      }
    }
    if (filmPages.size() < 10) {
      throw new IllegalStateException("the searches found too few films: " + filmPages.size());
    }

    // Warm up (JIT, pools, PostgreSQL's buffers and plans): every service shares one JVM, and
    // its compiler is busy for well over a minute: capacity measured 45 s into the load was less
    // than half of what it was 90 s in. Then a minute at the rate: after a saturated closed loop
    // the compilers still take a fifth of a core (seen in bench/commerce), and finish at the rate.
    closedLoop("warmup", searches, 90, workers);
    openLoop("warmup", searches, 60, rate);
    openLoop("warmup-film", filmPages, 5, rate);
    System.out.println(openLoop("search-latency", searches, seconds, rate).json());
    System.out.println(closedLoop("search-capacity", searches, seconds, workers).json());
    System.out.println(openLoop("film-page-latency", filmPages, seconds, rate).json());
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<String> ids(String url) throws Exception {
    HttpResponse<String> response = http.send(get(url), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
    }
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
