package ru.rsoko.dashboard.domain;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values kept for a short while in this instance: the trend points of past years, which change rarely (a late
 * report, an expert's correction) and cost a query or two each. Bounded: when full, it starts afresh.
 */
final class RecentCache<V> {

    private record Entry<V>(V value, long until) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;

    RecentCache(Duration ttl, int capacity) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    V get(String key, Supplier<V> compute) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.until() - now > 0) {
            return entry.value();
        }
        V value = compute.get();
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }
}
