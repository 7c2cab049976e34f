package io.strangler.legacy.storefront;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storefront reads {@code PRODUCTS} and {@code CATEGORIES} straight from the database (legacy coupling). */
@Repository
class StorefrontQueries {

    private static final String SELECT = """
            SELECT P.PROD_ID, P.PROD_SKU, P.PROD_NAME, P.PROD_DESC, P.PRICE_CENTS, P.QTY_ON_HAND, P.ACTIVE_FLG,
                   C.CAT_NAME
              FROM PRODUCTS P
              JOIN CATEGORIES C ON C.CAT_ID = P.CAT_ID
            """;

    private static final RowMapper<ProductView> VIEW = (rs, n) -> new ProductView(rs.getLong("PROD_ID"),
            rs.getString("PROD_SKU"), rs.getString("PROD_NAME"), rs.getString("PROD_DESC"), rs.getLong("PRICE_CENTS"),
            rs.getInt("QTY_ON_HAND"), rs.getString("CAT_NAME"), "Y".equals(rs.getString("ACTIVE_FLG")));

    private final JdbcClient jdbc;

    StorefrontQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductView> activeProducts(int page, int size) {
        return jdbc.sql(SELECT + " WHERE P.ACTIVE_FLG = 'Y' ORDER BY P.PROD_ID LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(VIEW).list();
    }

    long countActiveProducts() {
        return jdbc.sql("SELECT COUNT(*) FROM PRODUCTS WHERE ACTIVE_FLG = 'Y'").query(Long.class).single();
    }

    Optional<ProductView> product(long id) {
        return jdbc.sql(SELECT + " WHERE P.PROD_ID = ?").param(id).query(VIEW).optional();
    }
}
