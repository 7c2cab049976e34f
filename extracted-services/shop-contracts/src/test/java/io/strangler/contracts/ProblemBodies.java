package io.strangler.contracts;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;

/** What a client relies on in every problem response: the type slug and status exactly, texts as strings. */
final class ProblemBodies {

    static final String PROBLEM_JSON = "application/problem\\+json.*";
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final String SOME_TIMESTAMP = "2026-11-28T10:15:30.123Z";

    private ProblemBodies() {
    }

    static PactDslJsonBody problem(String slug, int status, String instance) {
        return new PactDslJsonBody()
                .stringValue("type", "/problems/" + slug)
                .stringType("title", "A title")
                .numberValue("status", status)
                .stringType("detail", "What was wrong")
                .stringValue("instance", instance);
    }
}
