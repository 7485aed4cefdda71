package cn.fulian.rights.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineConfiguration {

    @Bean
    DeadlinePolicy deadlinePolicy(DeadlineProperties properties) {
        return new DeadlinePolicy(properties);
    }
}
