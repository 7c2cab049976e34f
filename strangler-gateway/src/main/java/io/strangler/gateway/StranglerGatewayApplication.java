package io.strangler.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The strangler gateway: the front door that moves traffic from legacy to new, route by route. */
@SpringBootApplication
public class StranglerGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(StranglerGatewayApplication.class, args);
    }
}
