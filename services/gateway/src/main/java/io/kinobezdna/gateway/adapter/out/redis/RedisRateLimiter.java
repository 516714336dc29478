package io.kinobezdna.gateway.adapter.out.redis;

import io.kinobezdna.gateway.domain.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * GCRA (generic cell rate algorithm) in one Lua script, so every gateway instance shares one budget
 * per key and a check is a single round trip. Time comes from Redis itself, so instances with
 * skewed clocks still agree. If Redis is unreachable the request is let through: a rate limiter
 * must not take the platform down with it.
 */
public final class RedisRateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  /** KEYS[1] = theoretical arrival time; ARGV: emission interval ms, burst tolerance ms. */
  private static final RedisScript<Long> GCRA =
      RedisScript.of(
          """
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          local interval = tonumber(ARGV[1])
          local tolerance = tonumber(ARGV[2])
          local tat = tonumber(redis.call('GET', KEYS[1]) or now)
          if tat < now then tat = now end
          local allowAt = tat + interval - tolerance
          if allowAt > now then return math.ceil(allowAt - now) end
          local newTat = tat + interval
          redis.call('SET', KEYS[1], newTat, 'PX', math.ceil(newTat - now) + 1000)
          return 0
          """,
          Long.class);

  private final ReactiveStringRedisTemplate redis;

  public RedisRateLimiter(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Empty when the request may go on, else how long the caller must wait. */
  public Mono<Optional<Duration>> check(String key, RateLimit limit) {
    double interval = limit.emissionIntervalMillis();
    double tolerance = interval * limit.burst();
    return redis
        .execute(
            GCRA,
            List.of("gateway:rate:" + key),
            List.of(Double.toString(interval), Double.toString(tolerance)))
        .next()
        .map(wait -> wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.<Duration>empty())
        .defaultIfEmpty(Optional.empty())
        .onErrorResume(
            e -> {
              log.warn("rate limiter unavailable, letting the request through: {}", e.toString());
              return Mono.just(Optional.empty());
            });
  }
}
