package io.strangler.cdc.mapping;

import io.strangler.cdc.parity.ParityProjection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Orders projected to one canonical form on both sides, each order with its lines (the same translation as the
 * mappings: status codes, cents); payment references and timestamps are left out (payments of the new side are not
 * legacy rows). Repair touches the legacy order and its lines, so the capture sends both again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cdc.sources.orders", name = "jdbc-url")
class OrderParity {

    @Bean
    ParityProjection ordersParity() {
        return new ParityProjection("orders", CatalogMappings.LEGACY, """
                SELECT o.ord_id AS k, concat_ws('|', o.cust_id, CASE o.ord_status WHEN 'PEND' THEN 'PENDING'
                    WHEN 'CONF' THEN 'CONFIRMED' WHEN 'FAIL' THEN 'FAILED' WHEN 'CANC' THEN 'CANCELLED' END,
                    o.total_cents, (SELECT string_agg(concat_ws(':', l.line_no, l.prod_id, l.qty, l.unit_price_cents),
                        ',' ORDER BY l.line_no) FROM order_lines l WHERE l.ord_id = o.ord_id)) AS v
                FROM orders o""", OrderMappings.ORDERS, """
                SELECT o.id AS k, concat_ws('|', o.customer_id, o.status, (o.total * 100)::bigint,
                    (SELECT string_agg(concat_ws(':', l.line_no, l.product_id, l.quantity,
                        (l.unit_price * 100)::bigint), ',' ORDER BY l.line_no)
                    FROM order_line l WHERE l.order_id = o.id)) AS v
                FROM customer_order o""", """
                WITH keys AS (SELECT unnest(?::bigint[]) AS id),
                lines AS (UPDATE order_lines SET qty = qty WHERE ord_id IN (SELECT id FROM keys))
                UPDATE orders SET last_upd = now() WHERE ord_id IN (SELECT id FROM keys)""");
    }
}
