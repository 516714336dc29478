package io.kinobezdna.auth.adapter.out.redis;

import io.kinobezdna.auth.application.port.LoginThrottle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Failure counters and lockouts in Redis, shared by every auth instance. Each failure counts
 * against the account and the client address within a window; from the threshold on, every further
 * failure locks the key for twice as long as the previous one (1 s, 2 s, 4 s … up to a cap). A
 * successful sign-in clears the account's counter; the address keeps its count until the window
 * passes, so one good password does not reset a spraying attacker.
 */
public final class RedisLoginThrottle implements LoginThrottle {

  /**
   * KEYS[1] failure counter, KEYS[2] lock; ARGV: window ms, threshold, base lock ms, max lock ms.
   */
  private static final RedisScript<Long> RECORD_FAILURE =
      RedisScript.of(
          """
          local failures = redis.call('INCR', KEYS[1])
          if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
          local over = failures - tonumber(ARGV[2])
          if over >= 0 then
            local lock = math.min(tonumber(ARGV[3]) * (2 ^ math.min(over, 30)), tonumber(ARGV[4]))
            redis.call('SET', KEYS[2], failures, 'PX', math.floor(lock))
            if redis.call('PTTL', KEYS[1]) < lock then redis.call('PEXPIRE', KEYS[1], math.floor(lock) + tonumber(ARGV[1])) end
            return math.floor(lock)
          end
          return 0
          """,
          Long.class);

  public record Limits(int threshold, Duration window, Duration baseLock, Duration maxLock) {}

  private final StringRedisTemplate redis;
  private final Limits perAccount;
  private final Limits perAddress;

  public RedisLoginThrottle(StringRedisTemplate redis, Limits perAccount, Limits perAddress) {
    this.redis = redis;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
  }

  @Override
  public Optional<Duration> waitBeforeAttempt(String accountKey, String clientIp) {
    long accountWait = remainingMillis(lockKey("account", accountKey));
    long addressWait = clientIp.isEmpty() ? 0 : remainingMillis(lockKey("ip", clientIp));
    long wait = Math.max(accountWait, addressWait);
    return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
  }

  @Override
  public void recordFailure(String accountKey, String clientIp) {
    record("account", accountKey, perAccount);
    if (!clientIp.isEmpty()) {
      record("ip", clientIp, perAddress);
    }
  }

  @Override
  public void recordSuccess(String accountKey) {
    redis.delete(List.of(failureKey("account", accountKey), lockKey("account", accountKey)));
  }

  private void record(String kind, String key, Limits limits) {
    redis.execute(
        RECORD_FAILURE,
        List.of(failureKey(kind, key), lockKey(kind, key)),
        Long.toString(limits.window().toMillis()),
        Integer.toString(limits.threshold()),
        Long.toString(limits.baseLock().toMillis()),
        Long.toString(limits.maxLock().toMillis()));
  }

  private long remainingMillis(String key) {
    Long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
    return ttl == null ? 0 : Math.max(0, ttl);
  }

  private static String failureKey(String kind, String key) {
    return "auth:login-failures:" + kind + ":" + key;
  }

  private static String lockKey(String kind, String key) {
    return "auth:login-lock:" + kind + ":" + key;
  }
}
