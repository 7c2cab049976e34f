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

/** Catalog {@code category} back to legacy {@code CATEGORIES}. */
public final class CatalogCategoryMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO categories AS t (cat_id, cat_name, parent_cat_id, last_upd) VALUES (?, ?, ?, ?)
            ON CONFLICT (cat_id) DO UPDATE SET cat_name = EXCLUDED.cat_name, parent_cat_id = EXCLUDED.parent_cat_id,
                last_upd = EXCLUDED.last_upd
            """;

    public CatalogCategoryMapping(String source, String target) {
        super("categories", Direction.NEW_TO_LEGACY, source, target, "public.category", 10);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(
                UPSERT + (lastWriterWins ? " WHERE t.last_upd <= EXCLUDED.last_upd" : ""))) {
            ps.setLong(1, requiredLong(row, "id"));
            ps.setString(2, requiredText(row, "name"));
            Long parent = optionalLong(row, "parent_id");
            if (parent == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, parent);
            }
            ps.setTimestamp(4, requiredInstant(row, "updated_at"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM categories WHERE cat_id = ?")) {
            ps.setLong(1, requiredLong(change.before(), "id"));
            ps.executeUpdate();
        }
    }
}
