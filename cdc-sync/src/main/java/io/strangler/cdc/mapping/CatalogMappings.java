package io.strangler.cdc.mapping;

import java.util.List;
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
    List<TableMapping> catalogTableMappings() {
        return List.of(
                new LegacyCategoryMapping(LEGACY, CATALOG),
                new LegacyProductMapping(LEGACY, CATALOG),
                new CatalogCategoryMapping(CATALOG, LEGACY),
                new CatalogProductMapping(CATALOG, LEGACY),
                new CatalogStockMapping(CATALOG, LEGACY));
    }
}
