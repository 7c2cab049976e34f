package io.strangler.flags.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The flag service: source of truth for each route's mode, with REST + SSE, an audit log and the flag console. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlagServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FlagServiceApplication.class, args);
    }
}
