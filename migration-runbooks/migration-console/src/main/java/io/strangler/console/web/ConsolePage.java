package io.strangler.console.web;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's one page; its panels poll the JSON under {@code /ui/api/**} (see console.js). */
@Controller
class ConsolePage {

    @GetMapping("/")
    String console(Principal user, Authentication authentication, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("operator", authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_OPERATOR")));
        return "console";
    }
}
