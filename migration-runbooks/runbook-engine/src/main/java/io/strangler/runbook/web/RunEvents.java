package io.strangler.runbook.web;

import io.strangler.runbook.run.RunView;
import io.strangler.runbook.run.RunbookEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run: {@code run} (the whole {@link RunView}) on connect and whenever it changes, checked
 * every half second; the stream ends when the run is final or after 30 minutes (clients reconnect).
 */
class RunEvents implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 500;

    private final RunbookEngine engine;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "runbook-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<SseEmitter, Long> lastSent = new ConcurrentHashMap<>();

    RunEvents(RunbookEngine engine) {
        this.engine = engine;
    }

    SseEmitter follow(UUID id) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        lastSent.put(emitter, -1L);
        var task = poller.scheduleWithFixedDelay(() -> push(id, emitter), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        Runnable stop = () -> {
            task.cancel(false);
            lastSent.remove(emitter);
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    private void push(UUID id, SseEmitter emitter) {
        try {
            RunView run = engine.run(id);
            Long last = lastSent.get(emitter);
            if (last != null && last != run.version()) {
                lastSent.put(emitter, run.version());
                emitter.send(SseEmitter.event().name("run").id(Long.toString(run.version())).data(run));
            }
            if (run.state().isFinal()) {
                emitter.complete();
            }
        } catch (IOException | RuntimeException gone) {
            emitter.completeWithError(gone);
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
