package io.strangler.catalog.product;

import io.strangler.contracts.money.Money;
import io.strangler.contracts.paging.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product} table joined with {@code stock}. */
@Repository
class ProductRepository {

    // updated_at of the product is the later of its own row and its stock row: the legacy shop keeps stock on the
    // product row, so a stock change there is a product change too
    private static final String SELECT = """
            SELECT p.id, p.sku, p.name, p.description, p.category_id, p.price, p.active,
                   COALESCE(s.on_hand, 0) AS on_hand, GREATEST(p.updated_at, s.updated_at) AS updated_at
            FROM product p LEFT JOIN stock s ON s.product_id = p.id
            """;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Product> findById(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(ProductRepository::map).optional();
    }

    boolean lockForUpdate(long id) {
        return jdbc.sql("SELECT id FROM product WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .isPresent();
    }

    List<Product> findPage(ProductFilter filter, PageQuery page) {
        return jdbc.sql(SELECT + filter.where() + " ORDER BY p.id LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", page.size()).param("offset", page.offset())
                .query(ProductRepository::map).list();
    }

    long count(ProductFilter filter) {
        return jdbc.sql("SELECT count(*) FROM product p" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    long insert(ProductInput input, Instant now) {
        return jdbc.sql("""
                INSERT INTO product (sku, name, description, category_id, price, active, updated_at, version)
                VALUES (:sku, :name, :description, :categoryId, :price, :active, :now, 0) RETURNING id
                """)
                .params(columns(input, now)).query(Long.class).single();
    }

    void update(long id, ProductInput input, Instant now) {
        jdbc.sql("""
                UPDATE product SET sku = :sku, name = :name, description = :description, category_id = :categoryId,
                       price = :price, active = :active, updated_at = :now, version = version + 1
                WHERE id = :id
                """)
                .params(columns(input, now)).param("id", id).update();
    }

    private static Map<String, Object> columns(ProductInput input, Instant now) {
        return Map.of("sku", input.sku(), "name", input.name(), "description", input.descriptionOrEmpty(),
                "categoryId", input.categoryId(), "price", Money.toEuros(input.priceCents()),
                "active", input.activeOrDefault(), "now", Timestamp.from(now));
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("description"),
                rs.getLong("category_id"), rs.getBigDecimal("price"), rs.getInt("on_hand"), rs.getBoolean("active"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
