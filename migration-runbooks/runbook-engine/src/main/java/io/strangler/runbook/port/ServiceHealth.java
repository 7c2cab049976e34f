package io.strangler.runbook.port;

/** Health of the services a runbook names (their actuator health endpoint). */
public interface ServiceHealth {

    /**
     * @param service a name configured in {@code strangler.runbooks.services}
     * @return its status as reported (UP, DOWN, ...), or UNREACHABLE; never null
     * @throws IllegalArgumentException when no health URL is configured for the name
     */
    String status(String service);

    /** @return true when a health URL is configured for the name */
    boolean knows(String service);
}
