package io.strangler.console;

/** What the peers answer in the tests, shaped as their READMEs and records define it. */
public final class PeerAnswers {

    public static final String ROUTES = """
            [{"routeId":"catalog","mode":"CANARY","percent":25,"version":7,"killSwitch":false,
              "updatedAt":"2026-11-28T10:00:00Z","updatedBy":"operator"},
             {"routeId":"orders","mode":"LEGACY","percent":0,"version":0,"killSwitch":false,
              "updatedAt":null,"updatedBy":null}]""";

    public static final String ROUTE_LEGACY = """
            {"routeId":"catalog","mode":"LEGACY","percent":0,"version":3,"killSwitch":false,
             "updatedAt":"2026-11-28T09:00:00Z","updatedBy":"operator"}""";

    /** A WireMock response template: the route as the PUT asked for it, one version on. */
    public static final String ROUTE_CHANGED = """
            {"routeId":"{{request.pathSegments.[2]}}","mode":"{{jsonPath request.body '$.mode'}}",
             "percent":{{jsonPath request.body '$.percent'}},"version":4,"killSwitch":false,
             "updatedAt":"2026-11-28T10:00:00Z","updatedBy":"operator"}""";

    public static final String GATEWAY_ROUTES = """
            {"routes":[{"id":"catalog","paths":["/api/products/**"],"methods":[],"legacyUri":"http://localhost:8081",
              "newUri":"http://localhost:8082","mode":"CANARY","percent":25.0},
             {"id":"orders","paths":["/api/orders/**"],"methods":[],"legacyUri":"http://localhost:8081",
              "newUri":"http://localhost:8083","mode":"LEGACY","percent":0.0}]}""";

    public static final String COMPARISON = """
            {"routeId":"catalog","mode":"CANARY","percent":25.0,"window":"PT1M",
             "backends":{
               "legacy":{"count":300,"errors":3,"errorRate":0.01,"p50Millis":12.5,"p95Millis":40.0,"p99Millis":80.0,
                         "truncated":false,"latencySamplesMillis":[]},
               "new":{"count":100,"errors":20,"errorRate":0.2,"p50Millis":310.0,"p95Millis":350.0,"p99Millis":420.0,
                      "truncated":false,"latencySamplesMillis":[]}},
             "fallbacks":{"count":4,"byReason":{"server_error":3,"timeout":1,"connection_error":0,"circuit_open":0},
                          "truncated":false},
             "shadow":{"matched":90,"mismatched":10,"dropped":1,"failed":0,"skipped":0,"truncated":false,
               "topDifferingPathsSinceStart":[{"path":"$.price","kind":"body","count":9}],
               "recentMismatches":[{"comparison":{"routeId":"catalog","method":"GET","path":"/api/products/1001",
                 "at":"2026-11-28T10:00:01Z","legacyStatus":200,"newStatus":200,
                 "differences":[{"kind":"body","path":"$.price","legacyValue":"1999","newValue":"2000"}],"ignored":0},
                 "legacyBody":"{}","newBody":"{}"}]}}""";

    public static final String AUDIT = """
            [{"id":12,"routeId":"catalog","changedAt":"2026-11-28T10:00:00Z","actor":"operator","channel":"API",
              "reason":"first quarter of customers",
              "before":{"mode":"SHADOW","percent":100,"killSwitch":false,"version":6},
              "after":{"mode":"CANARY","percent":25,"killSwitch":false,"version":7}}]""";

    public static final String SYNC_STATUS = """
            {"captures":{"legacy":{"state":"RUNNING","published":1200,"echoes":3,"error":null}},
             "appliers":[{"name":"catalog","direction":"LEGACY_TO_NEW","state":"RUNNING","waitingForParent":0,"error":null}],
             "ownership":{"products":"LEGACY","categories":"LEGACY"},
             "tables":[{"table":"products","direction":"LEGACY_TO_NEW","counts":{"applied":1100,"dead_letter":2},
                        "lagCount":1100,"lagP50Ms":14.2,"lagP99Ms":48.9}]}""";

    public static final String PARITY = """
            {"products":{"table":"products","sourceRows":500,"targetRows":500,"chunks":5,"differingChunks":0,
                         "differingKeys":[],"parityPercent":100.0,"finishedAt":"2026-11-28T10:00:05Z"}}""";

    private PeerAnswers() {
    }
}
