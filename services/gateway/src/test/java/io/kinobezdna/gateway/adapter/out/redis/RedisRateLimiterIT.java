package io.kinobezdna.gateway.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.gateway.domain.RateLimit;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leased GCRA permits against a real Redis, shared by two gateway instances. */
class RedisRateLimiterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static LettuceConnectionFactory connections;
  private static ReactiveStringRedisTemplate redis;

  @BeforeAll
  static void connect() {
    TestInfrastructure infra = TestInfrastructure.ensure("redis");
    connections = new LettuceConnectionFactory("127.0.0.1", infra.ports().redis());
    connections.afterPropertiesSet();
    connections.start();
    redis = new ReactiveStringRedisTemplate(connections);
  }

  @AfterAll
  static void disconnect() {
    connections.destroy();
  }

  @Test
  void instancesLeasingPermitsTogetherNeverPassMoreThanTheBurst() {
    // 1 per second, burst 40: leases of 4; the test ends long before a second permit is earned
    RateLimit limit = new RateLimit(1, 40);
    assertThat(limit.leaseSize()).isEqualTo(4);
    String key = "user:" + UUID.randomUUID();
    List<RedisRateLimiter> instances =
        List.of(
            new RedisRateLimiter(redis, TIMEOUT, new SimpleMeterRegistry()),
            new RedisRateLimiter(redis, TIMEOUT, new SimpleMeterRegistry()));

    int allowed = 0;
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Optional<Duration> wait = instances.get(i % 2).check(key, limit).block();
      if (wait.isEmpty()) {
        allowed++;
      } else {
        waits.add(wait.get());
      }
    }

    assertThat(allowed).isBetween(40, 41);
    assertThat(waits).hasSize(60 - allowed).allSatisfy(w -> assertThat(w).isPositive());
  }

  @Test
  void permitsLeasedByConcurrentRequestsAllServeTheCaller() {
    // 1 per second, burst 100: leases of 10. Sixteen requests find no lease at once (each checks
    // before any answer is back) and each ask Redis: ten are granted 10 permits (one used, nine
    // leased), then the budget is spent.
    RateLimit limit = new RateLimit(1, 100);
    RedisRateLimiter limiter = new RedisRateLimiter(redis, TIMEOUT, new SimpleMeterRegistry());
    String key = "user:" + UUID.randomUUID();

    List<Mono<Optional<Duration>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      inFlight.add(limiter.check(key, limit));
    }
    List<Optional<Duration>> together = Flux.merge(inFlight).collectList().block();
    long later =
        Flux.range(0, 100)
            .concatMap(i -> limiter.check(key, limit))
            .filter(Optional::isEmpty)
            .count()
            .block();

    assertThat(together.stream().filter(Optional::isEmpty)).hasSize(10);
    // all 90 leased permits serve later requests (plus at most the one earned meanwhile)
    assertThat(later).isBetween(90L, 91L);
  }

  @Test
  void aSmallBurstIsCountedOneRequestAtATime() {
    RateLimit limit = new RateLimit(1, 5);
    assertThat(limit.leaseSize()).isEqualTo(1);
    RedisRateLimiter limiter = new RedisRateLimiter(redis, TIMEOUT, new SimpleMeterRegistry());
    String key = "ip:" + UUID.randomUUID();

    List<Boolean> passed = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      passed.add(limiter.check(key, limit).block().isEmpty());
    }

    assertThat(passed).containsExactly(true, true, true, true, true, false, false);
  }

  @Test
  void permitsOfAKeyAreNotSpentByAnother() {
    RateLimit limit = new RateLimit(1, 20);
    RedisRateLimiter limiter = new RedisRateLimiter(redis, TIMEOUT, new SimpleMeterRegistry());
    String first = "user:" + UUID.randomUUID();
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.check(first, limit).block()).isEmpty();
    }
    assertThat(limiter.check(first, limit).block()).isPresent();
    assertThat(limiter.check("user:" + UUID.randomUUID(), limit).block()).isEmpty();
  }

  @Test
  void aRedisThatIsGoneLetsRequestsThroughAndIsCounted() throws Exception {
    int nothingListens;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nothingListens = probe.getLocalPort();
    }
    LettuceConnectionFactory gone = new LettuceConnectionFactory("127.0.0.1", nothingListens);
    gone.afterPropertiesSet();
    gone.start();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RedisRateLimiter limiter =
        new RedisRateLimiter(new ReactiveStringRedisTemplate(gone), Duration.ofMillis(50), meters);
    try {
      List<Optional<Duration>> answers =
          Flux.range(0, 20)
              .concatMap(i -> limiter.check("ip:192.0.2." + i, new RateLimit(1, 1)))
              .collectList()
              .block(Duration.ofSeconds(30));
      assertThat(answers).hasSize(20).allMatch(Optional::isEmpty);
      assertThat(meters.counter(RedisRateLimiter.FAIL_OPEN_METRIC).count()).isEqualTo(20);
    } finally {
      gone.destroy();
    }
  }
}
