package cn.fulian.rights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 维权信访: the rights service of the federation platform. */
@SpringBootApplication
public class RightsServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(RightsServiceApplication.class, args);
    }
}
