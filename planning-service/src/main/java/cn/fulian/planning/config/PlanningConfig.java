package cn.fulian.planning.config;

import cn.fulian.events.Topics;
import cn.fulian.planning.orgunit.FederationProperties;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Service-wide settings: the clock (replaceable in tests), the federation's settings and the topics planning-service
 * publishes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(FederationProperties.class)
class PlanningConfig {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** The registry topic keeps the latest state per unit code forever. */
    @Bean
    NewTopic orgUnitsTopic() {
        return TopicBuilder.name(Topics.ORG_UNITS)
                .partitions(1)
                .replicas(1)
                .compact()
                .build();
    }

    @Bean
    NewTopic planningTopic() {
        return TopicBuilder.name(Topics.PLANNING).partitions(4).replicas(1).build();
    }
}
