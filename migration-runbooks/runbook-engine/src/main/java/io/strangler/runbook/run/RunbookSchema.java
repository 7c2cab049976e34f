package io.strangler.runbook.run;

import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Creates and upgrades the engine's tables with Liquibase. Its own changelog tables ({@code runbook_changelog*}) and
 * no Spring bean of type SpringLiquibase, so that the host application's own Liquibase setup stays untouched.
 */
final class RunbookSchema {

    static final String CHANGELOG = "classpath:io/strangler/runbook/db/changelog.yaml";

    private RunbookSchema() {
    }

    static void migrate(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(CHANGELOG);
        liquibase.setDatabaseChangeLogTable("runbook_changelog");
        liquibase.setDatabaseChangeLogLockTable("runbook_changelog_lock");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (LiquibaseException e) {
            throw new IllegalStateException("could not create or upgrade the runbook tables: " + e.getMessage(), e);
        }
    }
}
