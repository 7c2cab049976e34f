package io.strangler.legacy.catalog;

import io.strangler.contracts.paging.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL on {@code PRODUCTS} and {@code CATEGORIES}. */
@Repository
class ProductRepository {

    private static final String COLUMNS =
            "PROD_ID, PROD_SKU, PROD_NAME, PROD_DESC, CAT_ID, PRICE_CENTS, QTY_ON_HAND, ACTIVE_FLG, LAST_UPD";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> findPage(Long categoryId, String nameContains, PageQuery page) {
        Filter filter = Filter.of(categoryId, nameContains);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM PRODUCTS" + filter.where() + " ORDER BY PROD_ID LIMIT ? OFFSET ?")
                .params(params).query(ProductRepository::product).list();
    }

    long count(Long categoryId, String nameContains) {
        Filter filter = Filter.of(categoryId, nameContains);
        return jdbc.sql("SELECT COUNT(*) FROM PRODUCTS" + filter.where())
                .params(filter.params()).query(Long.class).single();
    }

    Optional<Product> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM PRODUCTS WHERE PROD_ID = ?")
                .param(id).query(ProductRepository::product).optional();
    }

    boolean categoryExists(long categoryId) {
        return jdbc.sql("SELECT COUNT(*) FROM CATEGORIES WHERE CAT_ID = ?")
                .param(categoryId).query(Integer.class).single() > 0;
    }

    List<Category> categories() {
        return jdbc.sql("SELECT CAT_ID, CAT_NAME, PARENT_CAT_ID FROM CATEGORIES ORDER BY CAT_ID")
                .query((rs, n) -> new Category(rs.getLong("CAT_ID"), rs.getString("CAT_NAME"),
                        rs.getObject("PARENT_CAT_ID", Long.class)))
                .list();
    }

    long insert(ProductInput in) {
        long id = jdbc.sql("SELECT nextval('PRODUCTS_SEQ')").query(Long.class).single();
        jdbc.sql("INSERT INTO PRODUCTS (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(id, in.sku(), in.name(), in.descriptionOrEmpty(), in.categoryId(), in.priceCents(),
                        in.stock(), flag(in.activeOrDefault()))
                .update();
        return id;
    }

    void update(long id, ProductInput in) {
        jdbc.sql("UPDATE PRODUCTS SET PROD_SKU = ?, PROD_NAME = ?, PROD_DESC = ?, CAT_ID = ?, PRICE_CENTS = ?, "
                        + "QTY_ON_HAND = ?, ACTIVE_FLG = ?, LAST_UPD = CURRENT_TIMESTAMP WHERE PROD_ID = ?")
                .params(in.sku(), in.name(), in.descriptionOrEmpty(), in.categoryId(), in.priceCents(), in.stock(),
                        flag(in.activeOrDefault()), id)
                .update();
    }

    private static String flag(boolean active) {
        return active ? "Y" : "N";
    }

    static Product product(ResultSet rs, int rowNum) throws SQLException {
        return new Product(rs.getLong("PROD_ID"), rs.getString("PROD_SKU"), rs.getString("PROD_NAME"),
                rs.getString("PROD_DESC"), rs.getLong("CAT_ID"), rs.getLong("PRICE_CENTS"), rs.getInt("QTY_ON_HAND"),
                "Y".equals(rs.getString("ACTIVE_FLG")),
                rs.getObject("LAST_UPD", OffsetDateTime.class).toInstant());
    }

    /** The optional list filters as a WHERE clause; the name filter is a case-insensitive substring match. */
    private record Filter(String where, List<Object> params) {

        static Filter of(Long categoryId, String nameContains) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (categoryId != null) {
                conditions.add("CAT_ID = ?");
                params.add(categoryId);
            }
            if (nameContains != null) {
                conditions.add("POSITION(LOWER(?) IN LOWER(PROD_NAME)) > 0");
                params.add(nameContains);
            }
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }
}
