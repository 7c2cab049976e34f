package io.strangler.gateway.security;

import java.util.Map;

/** The validated access rules of every route, and of the catch-all (for any route id not in the table). */
record AccessRules(Map<String, RouteAccess.Rules> byRoute, RouteAccess.Rules fallback) {

    AccessRule rule(String routeId, String method) {
        return byRoute.getOrDefault(routeId, fallback).forMethod(method);
    }
}
