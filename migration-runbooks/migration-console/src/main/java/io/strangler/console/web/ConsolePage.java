package io.strangler.console.web;

import io.strangler.runbook.run.RunbookEngine;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's one page; its panels poll the JSON under {@code /api/**} with its session (console.js, runs.js). */
@Controller
class ConsolePage {

    private final ObjectProvider<RunbookEngine> engine;

    ConsolePage(ObjectProvider<RunbookEngine> engine) {
        this.engine = engine;
    }

    @GetMapping("/")
    String console(Principal user, Authentication authentication, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("operator", authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_OPERATOR")));
        model.addAttribute("runbooks", engine.getIfAvailable() != null);
        return "console";
    }
}
