package io.strangler.cdc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The CDC sync: captures changes of the legacy and new databases and applies them to the other side. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CdcSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdcSyncApplication.class, args);
    }
}
