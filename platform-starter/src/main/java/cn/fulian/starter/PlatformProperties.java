package cn.fulian.starter;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service shares.
 *
 * @param apiPrefix the service's public path, e.g. {@code /api/planning}
 * @param maxRequestSize larger request bodies are refused with 413
 * @param outboxPollInterval how often the outbox relay looks for unpublished events when nothing wakes it (2 s: every
 *     save of an aggregate with new events wakes it at once, so the timed round only finds what a stopped process or
 *     a failed send left)
 * @param outboxCollections aggregate collections to relay in addition to those found from the mapping
 * @param consumerRetries attempts before a failing event goes to the dead-letter topic
 * @param health what the health endpoint counts as healthy
 */
@ConfigurationProperties("fulian")
public record PlatformProperties(
        String apiPrefix,
        DataSize maxRequestSize,
        Duration outboxPollInterval,
        List<String> outboxCollections,
        int consumerRetries,
        Health health) {

    /**
     * @param maxConsumerLag a consumer partition further behind than this many records is named in the Kafka health
     *     details
     * @param kafkaTimeout how long the Kafka check waits for the cluster to be described
     * @param cacheFor how long a Kafka check and the outbox backlog count are reused before they are taken again
     */
    public record Health(Long maxConsumerLag, Duration kafkaTimeout, Duration cacheFor) {

        public Health {
            maxConsumerLag = maxConsumerLag != null ? maxConsumerLag : 10_000L;
            kafkaTimeout = kafkaTimeout != null ? kafkaTimeout : Duration.ofSeconds(2);
            cacheFor = cacheFor != null ? cacheFor : Duration.ofSeconds(5);
        }
    }

    public PlatformProperties {
        maxRequestSize = maxRequestSize != null ? maxRequestSize : DataSize.ofMegabytes(10);
        outboxPollInterval = outboxPollInterval != null ? outboxPollInterval : Duration.ofSeconds(2);
        outboxCollections = outboxCollections != null ? outboxCollections : List.of();
        consumerRetries = consumerRetries > 0 ? consumerRetries : 3;
        health = health != null ? health : new Health(null, null, null);
    }
}
