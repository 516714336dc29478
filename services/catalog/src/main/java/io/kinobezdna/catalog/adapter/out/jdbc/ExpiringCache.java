package io.kinobezdna.catalog.adapter.out.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values kept for a while: an entry older than its time to live is computed again. When full, the
 * cache is emptied at once rather than tracking usage: it holds a few hundred cheap keys at most.
 */
final class ExpiringCache<K, V> {

  private record Entry<V>(V value, Instant expires) {}

  private final Duration timeToLive;
  private final int maxEntries;
  private final Clock clock;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  ExpiringCache(Duration timeToLive, int maxEntries, Clock clock) {
    this.timeToLive = timeToLive;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  V get(K key, Supplier<V> compute) {
    Instant now = clock.instant();
    Entry<V> entry = entries.get(key);
    if (entry != null && now.isBefore(entry.expires())) {
      return entry.value();
    }
    V value = compute.get();
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now.plus(timeToLive)));
    return value;
  }
}
