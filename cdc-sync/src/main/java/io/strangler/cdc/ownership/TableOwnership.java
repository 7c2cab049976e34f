package io.strangler.cdc.ownership;

import io.strangler.cdc.CdcProperties;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The current owner of each logical table. Starts from {@code cdc.ownership}, then from the file
 * {@code <data-dir>/ownership.properties} written on every change, so a switch survives a restart. Thread-safe:
 * appliers read it for every change. {@link OwnershipListener}s are told before and after each change.
 */
@Component
public class TableOwnership {

    private final Map<String, Ownership> owners = new ConcurrentHashMap<>();
    private final Path file;
    private final List<OwnershipListener> listeners = new CopyOnWriteArrayList<>();

    public TableOwnership(CdcProperties properties) {
        this.file = properties.dataDir().resolve("ownership.properties");
        owners.putAll(properties.ownership());
        if (Files.exists(file)) {
            Properties saved = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                saved.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read table ownership from " + file, e);
            }
            saved.forEach((table, owner) -> {
                if (owners.containsKey(table.toString())) {
                    owners.put(table.toString(), Ownership.valueOf(owner.toString()));
                }
            });
        }
    }

    /** The owner of a table, empty for a table the sync does not know. */
    public Optional<Ownership> owner(String table) {
        return Optional.ofNullable(owners.get(table));
    }

    /** Owners of all known tables, sorted by table. */
    public Map<String, Ownership> all() {
        return new TreeMap<>(owners);
    }

    /** Adds a listener told around every later change. */
    public void addListener(OwnershipListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener added before; unknown listeners are ignored. */
    public void removeListener(OwnershipListener listener) {
        listeners.remove(listener);
    }

    /**
     * Changes the owner of a known table and persists all owners. Listeners prepare first; when one refuses (throws),
     * nothing changes.
     */
    public synchronized void change(String table, Ownership owner) {
        if (!owners.containsKey(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        Map<String, Ownership> current = Map.copyOf(owners);
        Map<String, Ownership> next = new TreeMap<>(owners);
        next.put(table, owner);
        listeners.forEach(l -> l.beforeChange(current, Map.copyOf(next)));
        owners.put(table, owner);
        try {
            save();
        } catch (UncheckedIOException e) {
            owners.put(table, current.get(table)); // not saved: not changed
            throw e;
        }
        Map<String, Ownership> now = Map.copyOf(owners);
        listeners.forEach(l -> l.afterChange(now));
    }

    private void save() {
        Properties saved = new Properties();
        owners.forEach((t, o) -> saved.setProperty(t, o.name()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp)) {
                saved.store(out, "table ownership of the CDC sync");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write table ownership to " + file, e);
        }
    }
}
