package io.kinobezdna.catalog.adapter.out.demo;

import io.kinobezdna.catalog.application.port.DemoLibrary;
import io.kinobezdna.catalog.domain.FilmDraft;
import io.kinobezdna.catalog.domain.Money;
import io.kinobezdna.catalog.domain.OfferKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo library: public-domain classics (from {@code catalog/classics.psv}) and plausible
 * generated films with titles in both languages, people, synopses and prices. Generation is seeded,
 * so every machine gets the same films with the same ids.
 */
public final class BundledDemoLibrary implements DemoLibrary {

  static final String CLASSICS = "/catalog/classics.psv";
  private static final long SEED = 20261122L;

  private final int generatedCount;

  /**
   * @param generatedCount how many films to generate besides the classics
   */
  public BundledDemoLibrary(int generatedCount) {
    this.generatedCount = generatedCount;
  }

  @Override
  public List<DemoFilm> films() {
    List<DemoFilm> films = new ArrayList<>(classics());
    films.addAll(new FilmGenerator(new Random(SEED)).generate(generatedCount));
    return films;
  }

  /** A stable id per demo film: the same on every machine and every run. */
  static UUID demoId(String kind, int index) {
    return UUID.nameUUIDFromBytes(
        ("kinobezdna-demo-" + kind + "-" + index).getBytes(StandardCharsets.UTF_8));
  }

  static List<DemoFilm> classics() {
    List<DemoFilm> films = new ArrayList<>();
    try (InputStream in = BundledDemoLibrary.class.getResourceAsStream(CLASSICS);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        if (f.length != 12) {
          throw new IllegalStateException("a classic needs 12 fields: " + line);
        }
        films.add(
            new DemoFilm(
                demoId("classic", films.size()),
                new FilmDraft(
                    f[0],
                    f[1],
                    f[2],
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    f[11],
                    list(f[5]),
                    list(f[6]),
                    Integer.parseInt(f[7]),
                    list(f[8]),
                    list(f[9]),
                    f[10],
                    List.of(
                        terms(OfferKind.SUBSCRIPTION, 0),
                        terms(OfferKind.RENT_48H, 49),
                        terms(OfferKind.BUY, 149)))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return films;
  }

  private static List<String> list(String field) {
    return field.isBlank() ? List.of() : Arrays.asList(field.split(";"));
  }

  static FilmDraft.Terms terms(OfferKind kind, long rubles) {
    return new FilmDraft.Terms(kind.name(), Money.rubles(rubles).minorUnits(), Money.RUB);
  }

  /** Plausible films from word pools; see the class comment. */
  static final class FilmGenerator {

    /** An adjective in English and its Russian masculine, feminine and neuter forms. */
    private record Adjective(String en, String m, String f, String n) {}

    private record Noun(String en, String ru, char gender) {}

    private static final List<Adjective> ADJECTIVES =
        List.of(
            new Adjective("Silent", "Тихий", "Тихая", "Тихое"),
            new Adjective("Last", "Последний", "Последняя", "Последнее"),
            new Adjective("Northern", "Северный", "Северная", "Северное"),
            new Adjective("Dark", "Тёмный", "Тёмная", "Тёмное"),
            new Adjective("Long", "Долгий", "Долгая", "Долгое"),
            new Adjective("Cold", "Холодный", "Холодная", "Холодное"),
            new Adjective("Golden", "Золотой", "Золотая", "Золотое"),
            new Adjective("Lost", "Потерянный", "Потерянная", "Потерянное"),
            new Adjective("Secret", "Тайный", "Тайная", "Тайное"),
            new Adjective("Red", "Красный", "Красная", "Красное"),
            new Adjective("Distant", "Далёкий", "Далёкая", "Далёкое"),
            new Adjective("White", "Белый", "Белая", "Белое"),
            new Adjective("Broken", "Разбитый", "Разбитая", "Разбитое"),
            new Adjective("Endless", "Бесконечный", "Бесконечная", "Бесконечное"),
            new Adjective("Iron", "Железный", "Железная", "Железное"),
            new Adjective("Wild", "Дикий", "Дикая", "Дикое"),
            new Adjective("Glass", "Стеклянный", "Стеклянная", "Стеклянное"),
            new Adjective("Summer", "Летний", "Летняя", "Летнее"),
            new Adjective("Midnight", "Полночный", "Полночная", "Полночное"),
            new Adjective("Third", "Третий", "Третья", "Третье"),
            new Adjective("Hidden", "Скрытый", "Скрытая", "Скрытое"),
            new Adjective("Black", "Чёрный", "Чёрная", "Чёрное"),
            new Adjective("Empty", "Пустой", "Пустая", "Пустое"),
            new Adjective("Winter", "Зимний", "Зимняя", "Зимнее"));

    private static final List<Noun> NOUNS =
        List.of(
            new Noun("Harbor", "гавань", 'f'),
            new Noun("River", "река", 'f'),
            new Noun("City", "город", 'm'),
            new Noun("Station", "станция", 'f'),
            new Noun("Signal", "сигнал", 'm'),
            new Noun("Island", "остров", 'm'),
            new Noun("Road", "дорога", 'f'),
            new Noun("Horizon", "горизонт", 'm'),
            new Noun("Shore", "берег", 'm'),
            new Noun("Forest", "лес", 'm'),
            new Noun("Lighthouse", "маяк", 'm'),
            new Noun("Border", "граница", 'f'),
            new Noun("Witness", "свидетель", 'm'),
            new Noun("Sky", "небо", 'n'),
            new Noun("Sea", "море", 'n'),
            new Noun("Orbit", "орбита", 'f'),
            new Noun("Train", "поезд", 'm'),
            new Noun("Letter", "письмо", 'n'),
            new Noun("Dream", "сон", 'm'),
            new Noun("Mirror", "зеркало", 'n'),
            new Noun("Garden", "сад", 'm'),
            new Noun("Voice", "голос", 'm'),
            new Noun("Heart", "сердце", 'n'),
            new Noun("Passenger", "пассажир", 'm'),
            new Noun("Star", "звезда", 'f'),
            new Noun("Echo", "эхо", 'n'),
            new Noun("Bridge", "мост", 'm'),
            new Noun("Wind", "ветер", 'm'),
            new Noun("Storm", "буря", 'f'),
            new Noun("Circle", "круг", 'm'),
            new Noun("Dawn", "рассвет", 'm'),
            new Noun("Night", "ночь", 'f'),
            new Noun("Country", "страна", 'f'),
            new Noun("Valley", "долина", 'f'),
            new Noun("Frequency", "частота", 'f'),
            new Noun("Archive", "архив", 'm'));

    private static final List<String> GENRES =
        List.of(
            "drama",
            "drama",
            "comedy",
            "comedy",
            "thriller",
            "horror",
            "sci-fi",
            "fantasy",
            "adventure",
            "action",
            "animation",
            "documentary",
            "romance",
            "crime",
            "mystery",
            "noir",
            "western",
            "war",
            "history",
            "musical",
            "family");
    private static final List<String> COUNTRIES =
        List.of("RU", "RU", "RU", "RU", "US", "US", "GB", "FR", "DE", "IT", "ES", "JP", "KR", "SE");
    private static final List<String> RU_MEN =
        List.of(
            "Алексей", "Иван", "Дмитрий", "Сергей", "Михаил", "Павел", "Андрей", "Кирилл", "Егор");
    private static final List<String> RU_WOMEN =
        List.of(
            "Анна", "Мария", "Ольга", "Дарья", "Екатерина", "Наталья", "Юлия", "Вера", "Полина");
    private static final List<String> RU_SURNAMES =
        List.of(
            "Смирнов",
            "Волков",
            "Соколов",
            "Лебедев",
            "Козлов",
            "Новиков",
            "Морозов",
            "Орлов",
            "Белов",
            "Зайцев",
            "Ершов",
            "Громов",
            "Воронцов",
            "Ларин");
    private static final List<String> FIRST_NAMES =
        List.of(
            "James", "Emma", "Olivia", "Lucas", "Noah", "Sofia", "Hugo", "Lena", "Marco", "Yuki",
            "Hana", "Erik", "Clara", "Daniel", "Isabel", "Tom", "Nina", "Oscar");
    private static final List<String> SURNAMES =
        List.of(
            "Walker", "Bennett", "Moreau", "Fischer", "Rossi", "Tanaka", "Kim", "Larsen", "Novak",
            "Garcia", "Hughes", "Laurent", "Weber", "Conti", "Sato", "Berg", "Quinn", "Price");
    private static final List<String> STUDIOS =
        List.of(
            "Кинокомпания «Бездна»",
            "Северное сияние",
            "Studio Meridian",
            "Lantern Pictures",
            "Blue Harbor Films",
            "Kite & Key",
            "Fernweh Film",
            "Quattro Film",
            "Long Shot Studio");
    private static final List<String> HEROES =
        List.of(
            "Молодая следователь",
            "Бывший лётчик",
            "Учительница из провинции",
            "Уставший таксист",
            "Начинающий музыкант",
            "Смотритель маяка",
            "Студентка-физик",
            "Старый часовщик",
            "Девочка-подросток",
            "Капитан рыболовного судна",
            "Архитектор на пенсии",
            "Журналист из столицы");
    private static final List<String> GOALS =
        List.of(
            "возвращается в родной город, чтобы продать дом детства",
            "находит в архиве письмо, которого не должно существовать",
            "соглашается на последний рейс перед закрытием станции",
            "пытается вернуть долг до конца недели",
            "ищет пропавшего брата",
            "ловит странный сигнал с орбиты",
            "берётся за дело, от которого отказались все",
            "теряет память после аварии на ночной трассе");
    private static final List<String> TWISTS =
        List.of(
            "каждый найденный ответ рождает новые вопросы",
            "прошлое оказывается ближе, чем кажется",
            "в округе начинают пропадать люди",
            "зима в этом году не собирается заканчиваться",
            "случайный попутчик знает слишком много",
            "время здесь идёт по-другому",
            "единственный свидетель говорит загадками");

    private final Random random;

    FilmGenerator(Random random) {
      this.random = random;
    }

    List<DemoFilm> generate(int count) {
      List<int[]> combos = new ArrayList<>();
      for (int a = 0; a < ADJECTIVES.size(); a++) {
        for (int n = 0; n < NOUNS.size(); n++) {
          if (!ADJECTIVES.get(a).en().equals(NOUNS.get(n).en())) {
            combos.add(new int[] {a, n});
          }
        }
      }
      java.util.Collections.shuffle(combos, random);
      List<DemoFilm> films = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int[] combo = combos.get(i % combos.size());
        int part = i / combos.size(); // past every combination: sequels, "… 2"
        films.add(
            new DemoFilm(
                demoId("generated", i), film(ADJECTIVES.get(combo[0]), NOUNS.get(combo[1]), part)));
      }
      return films;
    }

    private FilmDraft film(Adjective adjective, Noun noun, int part) {
      String form =
          switch (noun.gender()) {
            case 'f' -> adjective.f();
            case 'n' -> adjective.n();
            default -> adjective.m();
          };
      String suffix = part == 0 ? "" : " " + (part + 1);
      String titleRu = form + " " + noun.ru() + suffix;
      String titleEn = "The " + adjective.en() + " " + noun.en() + suffix;
      String country = pick(COUNTRIES);
      boolean russian = country.equals("RU");
      Set<String> genres = new LinkedHashSet<>();
      int genreCount = 1 + random.nextInt(3);
      while (genres.size() < genreCount) {
        genres.add(pick(GENRES));
      }
      boolean premiere = random.nextInt(25) == 0;
      int year = premiere ? 2026 : 1950 + (int) Math.round(Math.sqrt(random.nextDouble()) * 75);
      int minutes =
          genres.contains("animation") ? 70 + random.nextInt(30) : 80 + random.nextInt(70);
      List<FilmDraft.Terms> offers = new ArrayList<>();
      if (random.nextInt(10) < 6) {
        offers.add(terms(OfferKind.SUBSCRIPTION, 0));
      }
      offers.add(terms(OfferKind.RENT_48H, 99 + 50L * random.nextInt(5)));
      offers.add(terms(OfferKind.BUY, 399 + 100L * random.nextInt(6)));
      if (premiere) {
        offers.add(terms(OfferKind.TICKET, 450));
      }
      return new FilmDraft(
          titleRu,
          titleEn,
          russian ? titleRu : titleEn,
          year,
          minutes,
          pick(HEROES) + " " + pick(GOALS) + ", но " + pick(TWISTS) + ".",
          List.copyOf(genres),
          List.of(country),
          ageRating(genres),
          List.of(person(russian)),
          List.of(person(russian), person(russian), person(russian)),
          pick(STUDIOS),
          offers);
    }

    private static int ageRating(Set<String> genres) {
      if (genres.contains("horror")) {
        return 18;
      }
      if (genres.contains("thriller") || genres.contains("crime") || genres.contains("noir")) {
        return 16;
      }
      if (genres.contains("family") || genres.contains("animation")) {
        return 6;
      }
      return 12;
    }

    private String person(boolean russian) {
      if (!russian) {
        return pick(FIRST_NAMES) + " " + pick(SURNAMES);
      }
      return random.nextBoolean()
          ? pick(RU_MEN) + " " + pick(RU_SURNAMES)
          : pick(RU_WOMEN) + " " + pick(RU_SURNAMES) + "а";
    }

    private <T> T pick(List<T> items) {
      return items.get(random.nextInt(items.size()));
    }
  }
}
