package ru.rsoko;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RsokoApplication {

    public static void main(String[] args) {
        SpringApplication.run(RsokoApplication.class, args);
    }
}
