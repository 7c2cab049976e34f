package io.strangler.contracts.faults;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT|DELETE /admin/faults}. Registered only with the {@code demo} profile: elsewhere the path does not
 * exist (404 {@code not-found} problem). The gateway's front door refuses {@code /admin/**}, so only callers that
 * reach the service directly can change it.
 */
@RestController
@RequestMapping(path = "/admin/faults", produces = MediaType.APPLICATION_JSON_VALUE)
class FaultController {

    private final Faults faults;

    FaultController(Faults faults) {
        this.faults = faults;
    }

    @GetMapping
    FaultSettings current() {
        return faults.current();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    FaultSettings replace(@RequestBody FaultsRequest request) {
        return faults.set(request.validated());
    }

    @DeleteMapping
    FaultSettings clear() {
        return faults.set(FaultSettings.NONE);
    }
}
