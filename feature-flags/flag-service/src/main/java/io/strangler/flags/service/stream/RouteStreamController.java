package io.strangler.flags.service.stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class RouteStreamController {

    private final RouteStream stream;

    RouteStreamController(RouteStream stream) {
        this.stream = stream;
    }

    /** {@code snapshot} event (all routes) on connect, then {@code route-changed} per change and {@code heartbeat}s. */
    @GetMapping(path = "/api/routes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
