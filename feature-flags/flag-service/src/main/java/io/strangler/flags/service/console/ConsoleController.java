package io.strangler.flags.service.console;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.audit.AuditEntry;
import io.strangler.flags.service.audit.AuditLog;
import io.strangler.flags.service.route.ChangeChannel;
import io.strangler.flags.service.route.InvalidRequestException;
import io.strangler.flags.service.route.RouteChange;
import io.strangler.flags.service.route.RouteChanges;
import io.strangler.flags.service.route.RoutesProperties;
import io.strangler.flags.service.route.StaleVersionException;
import io.strangler.flags.service.route.UnknownRouteException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The flag console: every route with its mode, the controls to change it, and its audit trail. */
@Controller
class ConsoleController {

    static final int TRAIL_LENGTH = 20;

    private final RouteChanges changes;
    private final RoutesProperties routes;
    private final AuditLog audit;

    ConsoleController(RouteChanges changes, RoutesProperties routes, AuditLog audit) {
        this.changes = changes;
        this.routes = routes;
        this.audit = audit;
    }

    /** One route as the console shows it. */
    record RouteView(RouteState state, String description, List<AuditEntry> trail) {
    }

    /** The change form; percent stays text so that "abc" is reported, not silently bound to nothing. */
    record ChangeForm(String mode, String percent, Boolean killSwitch, String reason, Long version) {
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String console(Model model, Authentication user) {
        List<RouteView> views = changes.all().stream().map(state -> new RouteView(state,
                routes.find(state.routeId()).map(RoutesProperties.Route::description).orElse(""),
                audit.find(state.routeId(), null, null, TRAIL_LENGTH))).toList();
        model.addAttribute("routes", views);
        model.addAttribute("modes", RouteMode.values());
        model.addAttribute("user", user.getName());
        model.addAttribute("canChange", user.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority())));
        return "console/routes";
    }

    @PostMapping("/console/routes/{id}")
    String change(@PathVariable String id, @ModelAttribute ChangeForm form, Authentication user, RedirectAttributes flash) {
        try {
            // a form without its version cannot prove it saw the current state: treat it as stale
            long version = form.version() == null ? -1 : form.version();
            RouteState state = changes.change(id, version,
                    new RouteChange(form.mode(), percent(form.percent()), form.killSwitch(), form.reason()),
                    user.getName(), ChangeChannel.CONSOLE);
            flash.addFlashAttribute("message", "Route " + id + " is now " + describe(state) + " (version " + state.version() + ")");
        } catch (InvalidRequestException | StaleVersionException | UnknownRouteException e) {
            flash.addFlashAttribute("error", "Route " + id + " not changed: " + e.getMessage());
        }
        return "redirect:/console#route-" + id;
    }

    static String describe(RouteState state) {
        if (state.killSwitch()) {
            return "LEGACY (kill switch engaged; mode " + state.mode() + ")";
        }
        return state.mode().usesPercent() ? state.mode() + " " + state.percent().toPlainString() + " %" : state.mode().name();
    }

    private static BigDecimal percent(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("percent",
                    "must be a number between 0 and 100, was '" + value + "'")));
        }
    }
}
