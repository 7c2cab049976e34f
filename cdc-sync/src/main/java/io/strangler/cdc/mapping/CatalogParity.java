package io.strangler.cdc.mapping;

import io.strangler.cdc.parity.ParityProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog tables projected to one canonical form on both sides (the same translation as the mappings: cents,
 * 'Y'/'N', quantity in stock), for the parity reconciler. Timestamps are left out: they are carried over, not
 * compared.
 */
@Configuration(proxyBeanMethods = false)
class CatalogParity {

    @Bean
    ParityProjection productsParity() {
        return new ParityProjection("products", CatalogMappings.LEGACY, """
                SELECT prod_id AS k, concat_ws('|', prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg = 'Y') AS v FROM products""", CatalogMappings.CATALOG, """
                SELECT p.id AS k, concat_ws('|', p.sku, p.name, p.description, p.category_id,
                    (p.price * 100)::bigint, s.on_hand, p.active) AS v
                FROM product p LEFT JOIN stock s ON s.product_id = p.id""",
                "UPDATE products SET last_upd = now() WHERE prod_id = ANY(?)");
    }

    @Bean
    ParityProjection categoriesParity() {
        return new ParityProjection("categories", CatalogMappings.LEGACY,
                "SELECT cat_id AS k, concat_ws('|', cat_name, parent_cat_id) AS v FROM categories",
                CatalogMappings.CATALOG, "SELECT id AS k, concat_ws('|', name, parent_id) AS v FROM category",
                "UPDATE categories SET last_upd = now() WHERE cat_id = ANY(?)");
    }
}
