package com.imprimatur;

import org.springframework.boot.SpringApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ImprimaturApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImprimaturApplication.class, args);
    }
}
