package io.strangler.orders.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Outside the demo profile there are no faults on demand: the admin path does not exist. */
class FaultsRefusedIT extends ComponentTestSupport {

    @Test
    void shouldRefuseFaultSettingsWithoutTheDemoProfile() {
        HttpResponse<String> refused = send("PUT", "/admin/faults", "{\"errorRate\":1}", "application/json");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(getPath("/api/orders/424242").headers().firstValue("X-Strangler-Fault")).isEmpty();
    }
}
