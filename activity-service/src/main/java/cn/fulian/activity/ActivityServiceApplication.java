package cn.fulian.activity;

import cn.fulian.activity.config.ActivityProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** 活动与荣誉: the activity service of the federation platform. */
@SpringBootApplication
@EnableConfigurationProperties(ActivityProperties.class)
public class ActivityServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ActivityServiceApplication.class, args);
    }
}
