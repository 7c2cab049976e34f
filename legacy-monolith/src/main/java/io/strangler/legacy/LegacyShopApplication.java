package io.strangler.legacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The legacy shop: one Spring Boot app on one PostgreSQL database. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LegacyShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(LegacyShopApplication.class, args);
    }
}
