package io.strangler.flags.client.internal;

import io.strangler.flags.client.RouteSnapshot;
import io.strangler.flags.client.RouteState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last good snapshot on disk, so that a restarted gateway routes as before while the flag service is down.
 * Written atomically: a reader sees the old file or the new one, never a torn write.
 */
public final class SnapshotFile {

    private static final TypeReference<List<RouteState>> STATES = new TypeReference<>() {
    };

    private final Path path;
    private final JsonMapper json;

    public SnapshotFile(Path path, JsonMapper json) {
        this.path = path.toAbsolutePath();
        this.json = json;
    }

    public Path path() {
        return path;
    }

    /** Reads the saved snapshot; empty when there is no file. Throws when the file exists but cannot be parsed. */
    public Optional<List<RouteState>> load() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(path.toFile(), STATES));
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot read the saved route snapshot " + path + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Replaces the file with this snapshot: written to a temporary file beside it, flushed, then moved over it. */
    public void save(RouteSnapshot snapshot) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(List.copyOf(snapshot.routes().values()));
                try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                move(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the route snapshot to " + path, e);
        }
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // a file system without atomic rename: a plain replace is the best available
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
