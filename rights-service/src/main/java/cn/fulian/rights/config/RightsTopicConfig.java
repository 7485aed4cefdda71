package cn.fulian.rights.config;

import cn.fulian.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic rights-service publishes, with the partition count of the platform's other event topics: created by a
 * consumer's first subscription it would have one partition, and one reporting instance would read all of it.
 */
@Configuration(proxyBeanMethods = false)
class RightsTopicConfig {

    @Bean
    NewTopic rightsTopic() {
        return TopicBuilder.name(Topics.RIGHTS).partitions(4).replicas(1).build();
    }
}
