package io.strangler.contracts.faults;

import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the current {@link FaultSettings} before a {@code /api/**} handler runs. An interceptor rather than a
 * servlet filter so that the refusal goes through the shop's problem handler like any other error. The answer says
 * which fault was applied ({@value #HEADER}), so nobody mistakes an injected failure for a real one.
 */
class FaultInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Strangler-Fault";

    private final Faults faults;

    FaultInterceptor(Faults faults) {
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        FaultSettings settings = faults.current();
        if (!settings.active()) {
            return true;
        }
        if (settings.latencyMillis() > 0) {
            Thread.sleep(settings.latencyMillis());
            response.addHeader(HEADER, "latency=" + settings.latencyMillis() + "ms");
        }
        if (settings.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.errorRate()) {
            response.addHeader(HEADER, "error");
            throw new ShopProblem(ProblemType.INTERNAL_ERROR, "Injected fault (demo profile): error rate "
                    + settings.errorRate() + "; clear it with DELETE /admin/faults");
        }
        return true;
    }
}
