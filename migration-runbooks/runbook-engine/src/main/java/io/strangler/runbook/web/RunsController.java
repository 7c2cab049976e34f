package io.strangler.runbook.web;

import io.strangler.runbook.definition.RunbookLibrary;
import io.strangler.runbook.definition.RunbookParser;
import io.strangler.runbook.run.RunView;
import io.strangler.runbook.run.RunbookEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/runbooks}: the shipped runbooks; {@code /api/runs}: start, list, follow (ETag, SSE), approve or reject,
 * abort.
 */
@RestController
class RunsController {

    private final RunbookEngine engine;
    private final RunbookLibrary library;
    private final RunEvents events;

    RunsController(RunbookEngine engine, RunbookLibrary library, RunEvents events) {
        this.engine = engine;
        this.library = library;
        this.events = events;
    }

    @GetMapping("/api/runbooks")
    List<RunbookLibrary.Entry> runbooks() {
        return library.list();
    }

    @GetMapping(value = "/api/runbooks/schema", produces = "application/schema+json")
    String schema() {
        return RunbookParser.schemaText();
    }

    /** Either {@code runbook} (a file of the shipped folder) or {@code yaml} (the text, with {@code source} naming it). */
    record StartRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.ya?ml") String runbook,
                        @Size(max = 200_000) String yaml, @Size(max = 200) String source) {
    }

    @PostMapping(value = "/api/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(@Valid @RequestBody StartRequest request, Principal principal) {
        if ((request.runbook() == null) == (request.yaml() == null || request.yaml().isBlank())) {
            throw new BadRequest("give exactly one of 'runbook' (a shipped file, see GET /api/runbooks) or 'yaml'");
        }
        String source = request.runbook() != null ? request.runbook()
                : request.source() == null || request.source().isBlank() ? "request" : request.source();
        String yaml = request.runbook() != null ? library.text(request.runbook()).orElseThrow(() -> new BadRequest(
                "no shipped runbook '" + request.runbook() + "'; see GET /api/runbooks")) : request.yaml();
        RunView run = engine.start(source, yaml, actor(principal));
        return ResponseEntity.created(URI.create("/api/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/runs")
    List<RunView> runs() {
        return engine.runs();
    }

    @GetMapping("/api/runs/{id}")
    ResponseEntity<RunView> run(@PathVariable UUID id, WebRequest request) {
        RunView run = engine.run(id);
        String etag = "\"" + run.version() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(run);
    }

    @GetMapping(value = "/api/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@PathVariable UUID id) {
        engine.run(id);
        return events.follow(id);
    }

    record DecisionRequest(@NotNull @Pattern(regexp = "APPROVE|REJECT", message = "must be APPROVE or REJECT")
                           String decision, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping(value = "/api/runs/{id}/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
    RunView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Principal principal,
                   HttpServletRequest http) {
        return engine.decide(id, actor(principal), role -> principal != null && http.isUserInRole(role),
                request.decision().equals("APPROVE"), request.reason());
    }

    record AbortRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping(value = "/api/runs/{id}/abort", consumes = MediaType.APPLICATION_JSON_VALUE)
    RunView abort(@PathVariable UUID id, @Valid @RequestBody AbortRequest request, Principal principal) {
        return engine.abort(id, actor(principal), request.reason());
    }

    private static String actor(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }

    /** A request the engine cannot take, for reasons the request alone shows. */
    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
