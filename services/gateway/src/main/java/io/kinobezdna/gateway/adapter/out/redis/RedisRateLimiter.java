package io.kinobezdna.gateway.adapter.out.redis;

import io.kinobezdna.gateway.adapter.out.RateLimiter;
import io.kinobezdna.gateway.domain.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * GCRA (generic cell rate algorithm) in one Lua script, so every gateway instance shares one budget
 * per key. Time comes from Redis itself, so instances with skewed clocks still agree. A caller's
 * permits are leased in small batches ({@link RateLimit#leaseSize()}) and handed out locally for up
 * to {@link #LEASE_LIFETIME} after the last lease: most requests of a busy caller never wait for
 * Redis. If Redis does not answer within a short timeout the request is let through — a rate
 * limiter must not take the platform down with it — counted in {@value #FAIL_OPEN_METRIC} and
 * logged once per {@link #FAIL_OPEN_LOG_INTERVAL}, not once per request.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);
  private static final int MAX_LEASES = 50_000;
  private static final Mono<Optional<Duration>> ALLOWED = Mono.just(Optional.empty());
  public static final String FAIL_OPEN_METRIC = "kb.gateway.rate-limit.fail-open";
  static final Duration FAIL_OPEN_LOG_INTERVAL = Duration.ofSeconds(10);

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

  /**
   * Permits of one key this instance holds; taken and topped up without locks from any event loop.
   * When a lease runs out while many requests are in flight, each of them leases anew: their
   * permits are added up rather than the last lease replacing the others, or the budget spent on
   * the replaced ones would be lost to the caller (under 16 concurrent requests, a lease of 10
   * served about 4).
   */
  private static final class Lease {
    private final AtomicInteger left = new AtomicInteger();
    private volatile long expiresAtNanos;

    boolean take(long nowNanos) {
      if (expired(nowNanos)) {
        return false;
      }
      for (int permits = left.get(); permits > 0; permits = left.get()) {
        if (left.compareAndSet(permits, permits - 1)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Adds newly leased permits and gives the lease a new lifetime. What an expired lease still
     * held is void; two top-ups racing on an expired lease may keep only one's permits, which errs
     * on the strict side.
     */
    void topUp(int permits, long nowNanos) {
      if (expired(nowNanos)) {
        left.set(permits);
      } else {
        left.addAndGet(permits);
      }
      expiresAtNanos = nowNanos + LEASE_LIFETIME.toNanos();
    }

    boolean expired(long nowNanos) {
      return nowNanos >= expiresAtNanos;
    }
  }

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;
  private final Counter failOpen;
  private final AtomicLong nextFailOpenLogNanos = new AtomicLong(System.nanoTime());
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();

  /** {@code timeout}: how long a request waits for Redis before it is let through. */
  public RedisRateLimiter(
      ReactiveStringRedisTemplate redis, Duration timeout, MeterRegistry meters) {
    this.redis = redis;
    this.timeout = timeout;
    this.failOpen = meters.counter(FAIL_OPEN_METRIC);
  }

  @Override
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
        .timeout(timeout)
        .onErrorResume(
            e -> {
              failedOpen(e);
              return ALLOWED;
            });
  }

  private void failedOpen(Throwable cause) {
    failOpen.increment();
    long now = System.nanoTime();
    long next = nextFailOpenLogNanos.get();
    if (now - next >= 0
        && nextFailOpenLogNanos.compareAndSet(next, now + FAIL_OPEN_LOG_INTERVAL.toNanos())) {
      log.warn(
          "rate limiter unavailable, letting requests through ({} so far): {}",
          (long) failOpen.count(),
          cause.toString());
    }
  }

  private void remember(String key, int permits) {
    long now = System.nanoTime();
    if (leases.size() >= MAX_LEASES) {
      leases.values().removeIf(lease -> lease.expired(now));
    }
    leases.computeIfAbsent(key, k -> new Lease()).topUp(permits, now);
  }
}
