package io.strangler.cdc.mapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's catalog capability: legacy {@code CATEGORIES}/{@code PRODUCTS} and catalog-service's
 * {@code category}/{@code product}/{@code stock}, both ways. The source names are the keys of {@code cdc.sources}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogMappings {

    static final String LEGACY = "legacy";
    static final String CATALOG = "catalog";

    @Bean
    TableMapping legacyCategories() {
        return new LegacyCategoryMapping(LEGACY, CATALOG);
    }

    @Bean
    TableMapping legacyProducts() {
        return new LegacyProductMapping(LEGACY, CATALOG);
    }

    @Bean
    TableMapping catalogCategories() {
        return new CatalogCategoryMapping(CATALOG, LEGACY);
    }

    @Bean
    TableMapping catalogProducts() {
        return new CatalogProductMapping(CATALOG, LEGACY);
    }

    @Bean
    TableMapping catalogStock() {
        return new CatalogStockMapping(CATALOG, LEGACY);
    }
}
