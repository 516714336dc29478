package io.kinobezdna.gateway.adapter.out.redis;

import io.kinobezdna.gateway.domain.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * GCRA (generic cell rate algorithm) in one Lua script, so every gateway instance shares one budget
 * per key. Time comes from Redis itself, so instances with skewed clocks still agree. A caller's
 * permits are leased in small batches ({@link RateLimit#leaseSize()}) and handed out locally for up
 * to {@link #LEASE_LIFETIME}: most requests of a busy caller never wait for Redis. If Redis is
 * unreachable the request is let through: a rate limiter must not take the platform down with it.
 */
public final class RedisRateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);
  private static final int MAX_LEASES = 50_000;
  private static final Mono<Optional<Duration>> ALLOWED = Mono.just(Optional.empty());

  /**
   * KEYS[1] = theoretical arrival time; ARGV: emission interval ms, burst tolerance ms, permits
   * wanted. Grants as many of them as fit the budget now (≥ 1), or answers minus the milliseconds
   * until one fits.
   */
  private static final RedisScript<Long> GCRA =
      RedisScript.of(
          """
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          local interval = tonumber(ARGV[1])
          local tolerance = tonumber(ARGV[2])
          local wanted = tonumber(ARGV[3])
          local tat = tonumber(redis.call('GET', KEYS[1]) or now)
          if tat < now then tat = now end
          local granted = math.min(wanted, math.floor((now + tolerance - tat) / interval))
          if granted < 1 then return -math.ceil(tat + interval - tolerance - now) end
          local newTat = tat + granted * interval
          redis.call('SET', KEYS[1], newTat, 'PX', math.ceil(newTat - now) + 1000)
          return granted
          """,
          Long.class);

  /** Permits of one key this instance holds; taken without locks from any event loop. */
  private record Lease(long expiresAtNanos, AtomicInteger left) {
    boolean take(long nowNanos) {
      return nowNanos < expiresAtNanos && left.getAndDecrement() > 0;
    }
  }

  private final ReactiveStringRedisTemplate redis;
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();

  public RedisRateLimiter(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Empty when the request may go on, else how long the caller must wait. */
  public Mono<Optional<Duration>> check(String key, RateLimit limit) {
    Lease lease = leases.get(key);
    if (lease != null && lease.take(System.nanoTime())) {
      return ALLOWED;
    }
    double interval = limit.emissionIntervalMillis();
    double tolerance = interval * limit.burst();
    return redis
        .execute(
            GCRA,
            List.of("gateway:rate:" + key),
            List.of(
                Double.toString(interval),
                Double.toString(tolerance),
                Integer.toString(limit.leaseSize())))
        .next()
        .map(
            granted -> {
              if (granted <= 0) {
                return Optional.of(Duration.ofMillis(-granted));
              }
              if (granted > 1) {
                remember(key, granted.intValue() - 1);
              }
              return Optional.<Duration>empty();
            })
        .defaultIfEmpty(Optional.empty())
        .onErrorResume(
            e -> {
              log.warn("rate limiter unavailable, letting the request through: {}", e.toString());
              return ALLOWED;
            });
  }

  private void remember(String key, int permits) {
    long now = System.nanoTime();
    if (leases.size() >= MAX_LEASES) {
      leases.values().removeIf(lease -> lease.expiresAtNanos() <= now);
    }
    leases.put(key, new Lease(now + LEASE_LIFETIME.toNanos(), new AtomicInteger(permits)));
  }
}
