package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.optionalLong;
import static io.strangler.cdc.mapping.RowFields.requiredInstant;
import static io.strangler.cdc.mapping.RowFields.requiredLong;
import static io.strangler.cdc.mapping.RowFields.requiredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import tools.jackson.databind.JsonNode;

/** Legacy {@code CATEGORIES} to catalog {@code category}: ids kept, {@code PARENT_CAT_ID} to {@code parent_id}. */
public final class LegacyCategoryMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO category AS t (id, name, parent_id, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
                updated_at = EXCLUDED.updated_at
            """;

    public LegacyCategoryMapping(String source, String target) {
        super("categories", Direction.LEGACY_TO_NEW, source, target, "public.categories", 10);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "cat_id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(
                UPSERT + (lastWriterWins ? " WHERE t.updated_at <= EXCLUDED.updated_at" : ""))) {
            ps.setLong(1, requiredLong(row, "cat_id"));
            ps.setString(2, requiredText(row, "cat_name"));
            Long parent = optionalLong(row, "parent_cat_id");
            if (parent == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, parent);
            }
            ps.setTimestamp(4, requiredInstant(row, "last_upd"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM category WHERE id = ?")) {
            ps.setLong(1, requiredLong(change.before(), "cat_id"));
            ps.executeUpdate();
        }
    }
}
