package io.strangler.legacy.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint (component-scanned from the test classes into the one shared IT context) that fails the way a
 * bug does, with a message that must never reach a client.
 */
@RestController
class FailingEndpoint {

    static final String PATH = "/api/test-only/failure";
    static final String SECRET = "relation \"secret_table\" on db.internal:5432 does not exist";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
