package io.kinobezdna.cart.adapter.out.redis;

import io.kinobezdna.cart.adapter.out.CallTurns;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A rate limit shared by every instance: GCRA (the generic cell rate algorithm) in one Lua script,
 * so reading and moving the schedule is atomic in Redis and all instances see one schedule. The key
 * holds the "theoretical arrival time" (TAT) of the next free turn, in microseconds of Redis' own
 * clock (so instances' clocks need not agree). A call reserves the turn at max(TAT, now) and moves
 * TAT one interval (1 s / rate) further; it is told to wait until its turn. With a burst of b, up
 * to b calls may start at once after a quiet spell. A turn further away than the caller can wait is
 * not reserved at all.
 */
public final class RedisGcraTurns implements CallTurns {

  static final RedisScript<Long> RESERVE =
      RedisScript.of(
          """
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
          local interval = tonumber(ARGV[1])
          local tolerance = tonumber(ARGV[2])
          local max_wait = tonumber(ARGV[3])
          local tat = tonumber(redis.call('GET', KEYS[1]) or now)
          if tat < now then tat = now end
          local wait = tat - tolerance - now
          if wait < 0 then wait = 0 end
          if wait > max_wait then return -1 end
          local next_tat = tat + interval
          redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
          return wait
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final String key;
  private final long intervalMicros;
  private final long toleranceMicros;

  /**
   * @param key the limit's name: instances with the same key share it
   * @param perSecond calls per second, all instances together
   * @param burst calls that may start at once after a quiet spell (1: evenly spaced)
   */
  public RedisGcraTurns(StringRedisTemplate redis, String key, double perSecond, int burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
    }
    this.redis = redis;
    this.key = key;
    this.intervalMicros = Math.round(1_000_000 / perSecond);
    this.toleranceMicros = intervalMicros * (burst - 1);
  }

  @Override
  public Optional<Duration> reserve(Duration maxWait) {
    Long wait =
        redis.execute(
            RESERVE,
            List.of(key),
            Long.toString(intervalMicros),
            Long.toString(toleranceMicros),
            Long.toString(maxWait.toNanos() / 1000));
    if (wait == null || wait < 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(wait * 1000));
  }
}
