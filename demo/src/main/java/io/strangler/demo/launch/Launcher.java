package io.strangler.demo.launch;

/** Runs the landscape described by validated settings until it is stopped; returns the process exit code. */
@FunctionalInterface
public interface Launcher {

    int launch(DemoSettings settings) throws Exception;
}
