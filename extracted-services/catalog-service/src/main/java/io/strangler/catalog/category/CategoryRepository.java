package io.strangler.catalog.category;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code category} table. */
@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> findAll() {
        return jdbc.sql("SELECT id, name, parent_id FROM category ORDER BY id")
                .query((rs, row) -> new Category(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("parent_id", Long.class)))
                .list();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE id = ?)").param(id)
                .query(Boolean.class).single();
    }
}
