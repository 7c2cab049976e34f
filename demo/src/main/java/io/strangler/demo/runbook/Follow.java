package io.strangler.demo.runbook;

import java.io.PrintWriter;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Polls a run and prints its progress until it ends; exit code 0 only when it SUCCEEDED. */
final class Follow {

    private Follow() {
    }

    static int follow(ConsoleClient client, String id, Duration poll, PrintWriter out) throws InterruptedException {
        RunProgress progress = new RunProgress(out);
        boolean hinted = false;
        while (true) {
            JsonNode run = client.get("/api/runs/" + id);
            boolean done = progress.update(run);
            if (done) {
                return run.path("state").asString().equals("SUCCEEDED") ? 0 : 1;
            }
            JsonNode current = run.path("current");
            if (!hinted && current.path("kind").asString().equals("approval")
                    && current.path("state").asString().equals("WAITING")) {
                out.println("   approve: ./strangler runbook approve " + id + " --reason \"...\"   (or reject)");
                out.flush();
                hinted = true;
            }
            Thread.sleep(poll.toMillis()); // the pace of polling a remote API, not a test synchronisation
        }
    }
}
