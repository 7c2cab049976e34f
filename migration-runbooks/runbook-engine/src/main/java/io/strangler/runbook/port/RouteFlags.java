package io.strangler.runbook.port;

/** The flag service's routes: the mode and percentage of each gateway route, versioned for optimistic concurrency. */
public interface RouteFlags {

    /**
     * @return the route's current setting, never null
     * @throws PortException when the flag service cannot be asked or does not know the route
     */
    RouteSetting current(String routeId);

    /**
     * Replaces the route's setting if its version is still {@code expectedVersion}. The kill switch is passed on as
     * it was ({@code killSwitch}), never released by a runbook.
     *
     * @return the new setting
     * @throws StaleVersionException when someone changed the route meanwhile
     * @throws PortException         on any other failure
     */
    RouteSetting change(String routeId, String mode, double percent, boolean killSwitch, long expectedVersion,
                        String reason);

    /**
     * A route's setting.
     *
     * @param routeId e.g. {@code catalog}
     * @param mode    LEGACY, SHADOW, CANARY or NEW
     * @param percent 0-100 (meaningful in SHADOW and CANARY)
     * @param killSwitch true when an operator forced the route to LEGACY
     * @param version the flag service's version (its ETag)
     */
    record RouteSetting(String routeId, String mode, double percent, boolean killSwitch, long version) {

        /** @return true when this setting already is {@code mode} at {@code percent} */
        public boolean is(String otherMode, double otherPercent) {
            boolean percentMatters = otherMode.equals("SHADOW") || otherMode.equals("CANARY");
            return mode.equals(otherMode) && (!percentMatters || Math.abs(percent - otherPercent) < 0.005);
        }
    }

    /** The route's version moved on between read and write (HTTP 409). */
    class StaleVersionException extends PortException {
        public StaleVersionException(String message) {
            super(message);
        }
    }
}
