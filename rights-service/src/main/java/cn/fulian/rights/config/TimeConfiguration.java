package cn.fulian.rights.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for deadlines, timestamps and the overdue detector, in the federation's time zone, so that tests can
 * replace it and move time forward instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RightsProperties.class)
class TimeConfiguration {

    @Bean
    Clock clock(RightsProperties properties) {
        return Clock.system(properties.zone());
    }
}
