package io.strangler.gateway.mode;

import io.strangler.flags.client.FlagClient;
import io.strangler.flags.client.RouteState;

/**
 * Route modes from the flag service through {@link FlagClient}: its snapshot is lock-free and updated by push, so
 * reading it per request applies a change to the next request. The kill switch wins; an unknown route is LEGACY.
 */
public final class FlagClientRouteModes implements RouteModes {

    private final FlagClient client;

    public FlagClientRouteModes(FlagClient client) {
        this.client = client;
    }

    @Override
    public RouteModeSetting current(String routeId) {
        return client.route(routeId).map(FlagClientRouteModes::toSetting).orElse(RouteModeSetting.LEGACY);
    }

    static RouteModeSetting toSetting(RouteState state) {
        TrafficMode mode = switch (state.effectiveMode()) {
            case LEGACY -> TrafficMode.LEGACY;
            case SHADOW -> TrafficMode.SHADOW;
            case CANARY -> TrafficMode.CANARY;
            case NEW -> TrafficMode.NEW;
        };
        int buckets = Math.max(0, Math.min(RouteModeSetting.ALL, state.percentBuckets()));
        return new RouteModeSetting(mode, mode == TrafficMode.LEGACY || mode == TrafficMode.NEW ? 0 : buckets);
    }
}
