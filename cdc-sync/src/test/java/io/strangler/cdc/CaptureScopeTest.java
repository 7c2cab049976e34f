package io.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.cdc.CdcProperties.SourceDatabase;
import io.strangler.cdc.mapping.CatalogProductMapping;
import io.strangler.cdc.mapping.CatalogStockMapping;
import io.strangler.cdc.mapping.LegacyProductMapping;
import io.strangler.cdc.ownership.Ownership;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureScopeTest {

    private final CaptureScope scope = new CaptureScope(Map.of(
            "legacy", source("public.products", "public.audit_log"),
            "catalog", source("public.product", "public.stock")),
            List.of(new LegacyProductMapping("legacy", "catalog"), new CatalogProductMapping("catalog", "legacy"),
                    new CatalogStockMapping("catalog", "legacy")));

    @Test
    void shouldStreamOnlyTheLegacySideWhileLegacyOwnsTheTable() {
        List<Map<String, Ownership>> owners = List.of(Map.of("products", Ownership.LEGACY));
        assertThat(scope.tables("legacy", owners)).containsExactly("public.products", "public.audit_log");
        assertThat(scope.tables("catalog", owners)).isEmpty();
    }

    @Test
    void shouldStreamBothSidesOfASharedTable() {
        List<Map<String, Ownership>> owners = List.of(Map.of("products", Ownership.SHARED));
        assertThat(scope.tables("legacy", owners)).containsExactly("public.products", "public.audit_log");
        assertThat(scope.tables("catalog", owners)).containsExactly("public.product", "public.stock");
    }

    @Test
    void shouldStreamOnlyTheNewSideOnceNewOwnsTheTableButKeepTablesNoMappingReads() {
        List<Map<String, Ownership>> owners = List.of(Map.of("products", Ownership.NEW));
        assertThat(scope.tables("legacy", owners)).containsExactly("public.audit_log");
        assertThat(scope.tables("catalog", owners)).containsExactly("public.product", "public.stock");
    }

    @Test
    void shouldStreamWhatEitherOwnerNeedsWhileOwnershipChanges() {
        List<Map<String, Ownership>> owners = List.of(Map.of("products", Ownership.LEGACY),
                Map.of("products", Ownership.NEW));
        assertThat(scope.tables("legacy", owners)).containsExactly("public.products", "public.audit_log");
        assertThat(scope.tables("catalog", owners)).containsExactly("public.product", "public.stock");
    }

    private static SourceDatabase source(String... tables) {
        return new SourceDatabase("jdbc:postgresql://localhost/x", "u", "", "x", "slot", List.of(tables));
    }
}
