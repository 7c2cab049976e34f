package io.strangler.cdc;

import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.ownership.Ownership;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which of a source's tables its capture streams under given owners. A table read by mappings is captured only while
 * one of them runs (its direction allowed by the owner of its logical table): while {@code products} is owned by
 * LEGACY the catalog capture does not stream {@code public.product}, so the rows the sync itself writes there are not
 * decoded by PostgreSQL, sent, converted and dropped as echoes. A configured table no mapping reads is always captured.
 * The sync's marker table is added by the capture settings, never here.
 */
final class CaptureScope {

    private final Map<String, CdcProperties.SourceDatabase> sources;
    private final List<TableMapping> mappings;

    CaptureScope(Map<String, CdcProperties.SourceDatabase> sources, List<TableMapping> mappings) {
        this.sources = sources;
        this.mappings = mappings;
    }

    /**
     * The tables of {@code source} to capture, in configuration order, when any of {@code owners} is in force (a
     * change of owner captures what both the old and the new owners need until it is done).
     */
    List<String> tables(String source, Collection<Map<String, Ownership>> owners) {
        return sources.get(source).tables().stream().filter(table -> needed(source, table, owners)).toList();
    }

    private boolean needed(String source, String table, Collection<Map<String, Ownership>> owners) {
        List<TableMapping> readers = mappings.stream()
                .filter(m -> m.source().equals(source) && m.sourceTable().equals(table)).toList();
        if (readers.isEmpty()) {
            return true;
        }
        return readers.stream().anyMatch(m -> owners.stream().anyMatch(o -> {
            Ownership owner = o.get(m.ownedTable());
            return owner != null && owner.allows(m.direction());
        }));
    }
}
