package io.strangler.demo;

import io.strangler.demo.landscape.ServiceSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints the service jars {@code demo} needs, one path per line: {@code ./strangler} builds when one is missing. */
@Command(name = "jars", hidden = true, description = "Print the jars the demo starts, relative to the repository root.")
final class JarsCommand implements Callable<Integer> {

    private final List<ServiceSpec> services;

    JarsCommand(List<ServiceSpec> services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        services.forEach(service -> System.out.println(service.jar()));
        return 0;
    }
}
