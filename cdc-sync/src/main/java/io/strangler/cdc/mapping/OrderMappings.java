package io.strangler.cdc.mapping;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's orders capability, both ways: legacy {@code ORDERS}/{@code ORDER_LINES} and orders-service's
 * {@code customer_order}/{@code order_line}. Active when {@code cdc.sources.orders.jdbc-url} is set
 * (the {@code orders} profile of {@code application.yaml} sets it from {@code CDC_ORDERS_JDBC_URL}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cdc.sources.orders", name = "jdbc-url")
class OrderMappings {

    static final String ORDERS = "orders";

    @Bean
    TableMapping legacyOrders() {
        return new LegacyOrderMapping(CatalogMappings.LEGACY, ORDERS);
    }

    @Bean
    TableMapping legacyOrderLines() {
        return new LegacyOrderLineMapping(CatalogMappings.LEGACY, ORDERS);
    }

    @Bean
    TableMapping newOrders() {
        return new NewOrderMapping(ORDERS, CatalogMappings.LEGACY);
    }

    @Bean
    TableMapping newOrderLines() {
        return new NewOrderLineMapping(ORDERS, CatalogMappings.LEGACY);
    }
}
