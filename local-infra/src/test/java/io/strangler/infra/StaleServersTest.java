package io.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleServersTest {

    @Test
    void shouldRemoveTheDataFolderOfAProcessThatNoLongerRuns(@TempDir Path work) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path stale = Files.createDirectories(work.resolve("pg-data-" + finished.pid()));
        Files.writeString(stale.resolve("postmaster.pid"), finished.pid() + "\n");

        StaleServers.stopLeftovers(work, "pg-data-");

        assertThat(stale).doesNotExist();
    }

    @Test
    void shouldLeaveTheDataFolderOfALiveProcessAlone(@TempDir Path work) throws Exception {
        Path live = Files.createDirectories(work.resolve("pg-data-" + ProcessHandle.current().pid()));

        StaleServers.stopLeftovers(work, "pg-data-");

        assertThat(live).exists();
    }

    @Test
    void shouldIgnoreFoldersThatAreNotNamedAfterAPid(@TempDir Path work) throws Exception {
        Path other = Files.createDirectories(work.resolve("pg-data-notapid"));

        StaleServers.stopLeftovers(work, "pg-data-");

        assertThat(other).exists();
    }
}
