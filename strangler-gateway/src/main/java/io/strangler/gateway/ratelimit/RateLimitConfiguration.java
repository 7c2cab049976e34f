package io.strangler.gateway.ratelimit;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The rate limit filter and its limiter: in memory by default, Redis with {@code rate-limit.backend: redis}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
                                    ObjectProvider<RedisScript<List<Long>>> script,
                                    ObjectProvider<ConfigurationService> configurationService) {
        ClientLimiter limiter = switch (properties.rateLimit().parsedBackend()) {
            case MEMORY -> new InMemoryClientLimiter(properties.rateLimit().maxClientsPerRoute(), System::nanoTime);
            case REDIS -> new RedisClientLimiter(new RedisRateLimiter(redis.getObject(), script.getObject(),
                    configurationService.getObject()));
        };
        return new RateLimitFilter(properties, limiter);
    }
}
