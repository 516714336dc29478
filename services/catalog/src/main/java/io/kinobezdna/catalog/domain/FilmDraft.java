package io.kinobezdna.catalog.domain;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A film as an editor submits it, unchecked. {@link #problems()} names every invalid field at once,
 * so a form can show all of them; {@link #details()} and {@link #offers()} are the checked values.
 */
public record FilmDraft(
    String titleRu,
    String titleEn,
    String originalTitle,
    Integer year,
    Integer durationMinutes,
    String synopsis,
    List<String> genres,
    List<String> countries,
    Integer ageRating,
    List<String> directors,
    List<String> cast,
    String studio,
    List<Terms> offers) {

  /** An offer as submitted: kind name, price in minor units and currency. */
  public record Terms(String kind, Long priceMinor, String currency) {}

  public record Problem(String field, String description) {}

  public static final Set<Integer> AGE_RATINGS = Set.of(0, 6, 12, 16, 18);
  public static final int MAX_TITLE = 200;
  public static final int MAX_SYNOPSIS = 4000;
  public static final int MAX_PEOPLE = 50;
  public static final int FIRST_FILM_YEAR = 1888;

  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    text(problems, "titleRu", titleRu, MAX_TITLE, true);
    text(problems, "titleEn", titleEn, MAX_TITLE, true);
    text(problems, "originalTitle", originalTitle, MAX_TITLE, true);
    text(problems, "synopsis", synopsis, MAX_SYNOPSIS, false);
    text(problems, "studio", studio, MAX_TITLE, false);
    int latestYear = Year.now().getValue() + 5;
    if (year == null || year < FIRST_FILM_YEAR || year > latestYear) {
      problems.add(
          new Problem("year", "must be a year from " + FIRST_FILM_YEAR + " to " + latestYear));
    }
    if (durationMinutes == null || durationMinutes < 1 || durationMinutes > 1000) {
      problems.add(new Problem("durationMinutes", "must be from 1 to 1000 minutes"));
    }
    if (genres == null || genres.isEmpty()) {
      problems.add(new Problem("genres", "name at least one genre"));
    } else {
      genres.stream()
          .filter(code -> Genre.ofCode(code).isEmpty())
          .findFirst()
          .ifPresent(code -> problems.add(new Problem("genres", "unknown genre '" + code + "'")));
    }
    if (countries == null || countries.isEmpty()) {
      problems.add(new Problem("countries", "name at least one country"));
    } else if (!countries.stream().allMatch(FilmDraft::isCountryCode)) {
      problems.add(new Problem("countries", "must be ISO 3166 two-letter codes, e.g. RU, US"));
    }
    if (ageRating == null || !AGE_RATINGS.contains(ageRating)) {
      problems.add(new Problem("ageRating", "must be one of 0, 6, 12, 16, 18"));
    }
    people(problems, "directors", directors);
    people(problems, "cast", cast);
    offerProblems(problems);
    return problems;
  }

  private void offerProblems(List<Problem> problems) {
    if (offers == null) {
      return;
    }
    Set<String> kinds = new java.util.HashSet<>();
    for (Terms terms : offers) {
      boolean knownKind =
          terms != null
              && Arrays.stream(OfferKind.values()).anyMatch(k -> k.name().equals(terms.kind()));
      if (!knownKind) {
        problems.add(
            new Problem("offers", "kind must be one of " + Arrays.toString(OfferKind.values())));
      } else if (!kinds.add(terms.kind())) {
        problems.add(new Problem("offers", "one offer per kind: " + terms.kind() + " twice"));
      } else if (terms.priceMinor() == null
          || terms.priceMinor() < 0
          || terms.currency() == null
          || !terms.currency().matches("[A-Z]{3}")) {
        problems.add(
            new Problem("offers", terms.kind() + " needs a price ≥ 0 and an ISO currency code"));
      } else if (OfferKind.valueOf(terms.kind()) == OfferKind.SUBSCRIPTION
          && terms.priceMinor() != 0) {
        problems.add(new Problem("offers", "a SUBSCRIPTION offer costs nothing by itself"));
      }
    }
  }

  /** The checked details (call only when there are no problems). */
  public FilmDetails details() {
    return new FilmDetails(
        titleRu.strip(),
        titleEn.strip(),
        originalTitle.strip(),
        year,
        durationMinutes,
        synopsis == null ? "" : synopsis.strip(),
        genres.stream().distinct().map(code -> Genre.ofCode(code).orElseThrow()).toList(),
        countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList(),
        ageRating,
        names(directors),
        names(cast),
        studio == null || studio.isBlank() ? null : studio.strip());
  }

  /** The checked offers (call only when there are no problems). */
  public List<OfferTerms> offerTerms() {
    if (offers == null) {
      return List.of();
    }
    return offers.stream()
        .map(
            t ->
                new OfferTerms(
                    OfferKind.valueOf(t.kind()), new Money(t.priceMinor(), t.currency())))
        .toList();
  }

  private static List<String> names(List<String> people) {
    return people == null ? List.of() : people.stream().map(String::strip).toList();
  }

  private static boolean isCountryCode(String code) {
    return code != null && code.matches("[A-Za-z]{2}");
  }

  private static void text(
      List<Problem> problems, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new Problem(field, "must not be empty"));
      }
    } else if (value.codePointCount(0, value.length()) > max) {
      problems.add(new Problem(field, "must be at most " + max + " characters"));
    } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      problems.add(new Problem(field, "must not contain control characters"));
    }
  }

  private static void people(List<Problem> problems, String field, List<String> people) {
    if (people == null) {
      return;
    }
    if (people.size() > MAX_PEOPLE) {
      problems.add(new Problem(field, "at most " + MAX_PEOPLE + " names"));
    } else if (people.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 120)) {
      problems.add(new Problem(field, "every name must be 1 to 120 characters"));
    }
  }
}
