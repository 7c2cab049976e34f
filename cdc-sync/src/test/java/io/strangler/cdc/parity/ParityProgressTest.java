package io.strangler.cdc.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityProgressTest {

    @Test
    void countsChunksAndRowsAndEstimatesTheTimeLeftWhileRunning() {
        ParityProgress progress = new ParityProgress("products");
        progress.begin(4);
        progress.chunkDone(1000);

        ParityProgress.Status status = progress.status();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.chunksDone()).isEqualTo(1);
        assertThat(status.chunksTotal()).isEqualTo(4);
        assertThat(status.rowsDone()).isEqualTo(1000);
        assertThat(status.secondsLeft()).isNotNull().isNotNegative();
    }

    @Test
    void aCancelIsRequestedFirstAndConfirmedByTheRun() {
        ParityProgress progress = new ParityProgress("products");
        progress.cancel();
        assertThat(progress.cancelRequested()).isTrue();
        assertThat(progress.running()).isTrue();

        progress.cancelled();
        assertThat(progress.status().state()).isEqualTo("CANCELLED");
        assertThat(progress.status().secondsLeft()).isNull();
    }

    @Test
    void aFinishedRunCarriesItsReport() {
        ParityProgress progress = new ParityProgress("products");
        progress.finish(new ParityReport("products", 1, 1, 1, 0, List.of(), 100.0, Instant.now()));

        assertThat(progress.status().report().parityPercent()).isEqualTo(100.0);
        assertThat(progress.running()).isFalse();
    }
}
