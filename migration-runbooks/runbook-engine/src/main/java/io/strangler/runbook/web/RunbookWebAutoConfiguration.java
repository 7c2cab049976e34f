package io.strangler.runbook.web;

import io.strangler.runbook.autoconfigure.RunbookEngineAutoConfiguration;
import io.strangler.runbook.autoconfigure.RunbookProperties;
import io.strangler.runbook.definition.RunbookLibrary;
import io.strangler.runbook.definition.RunbookParser;
import io.strangler.runbook.run.RunbookEngine;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The runs REST API ({@code /api/runbooks}, {@code /api/runs/**}) in a servlet web app that has the engine. It brings
 * no security: the host authenticates (the API reads the principal's name and roles) and should require OPERATOR for
 * every POST.
 */
@AutoConfiguration(after = RunbookEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RunbookEngine.class)
@Import({RunsController.class, RunbookProblems.class})
public class RunbookWebAutoConfiguration {

    @Bean
    RunbookLibrary runbookLibrary(RunbookProperties properties, RunbookParser parser) {
        return new RunbookLibrary(Path.of(properties.directory()), parser);
    }

    @Bean
    RunEvents runEvents(RunbookEngine engine) {
        return new RunEvents(engine);
    }
}
