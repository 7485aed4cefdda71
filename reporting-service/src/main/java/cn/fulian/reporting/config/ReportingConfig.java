package cn.fulian.reporting.config;

import cn.fulian.events.Topics;
import java.time.Clock;
import java.time.ZoneId;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Service-wide settings: the clock (replaceable in tests) and the topic reporting-service publishes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfig {

    /** Dates on the dashboard are Beijing dates whatever the server's zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(ReportingProperties properties) {
        return Clock.system(ZoneId.of(properties.zone()));
    }

    @Bean
    NewTopic reportingTopic() {
        return TopicBuilder.name(Topics.REPORTING).partitions(4).replicas(1).build();
    }
}
