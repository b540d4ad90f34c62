package ru.rsoko.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Reference data that every page reads and people seldom change (a region's organisations, …) kept in memory.
 * Several instances of the application share one database, and an instance learns nothing of another's changes:
 * entries live a short while, and an instance that changes something evicts it itself, at once and again after its
 * commit (a page that read the old row in between would otherwise keep it).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    /** How long another instance's change may go unseen here. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);

    @Bean
    CacheManager cacheManager() {
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        caffeine.setCaffeine(Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TIME_TO_LIVE));
        return caffeine;
    }
}
