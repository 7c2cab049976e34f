package io.strangler.cdc.parity;

/**
 * The same logical rows read from both sides: each SQL yields {@code k BIGINT} (the row key) and {@code v TEXT} (the
 * row's mapped content in one canonical form), so the legacy and the new shape compare through the mapping.
 *
 * @param table     the logical table, as in ownership ({@code products})
 * @param source    database name (in {@code cdc.sources}) of the side that is compared from
 * @param sourceSql the projection on the source side
 * @param target    database name of the other side
 * @param targetSql the projection on the target side
 * @param resendSql an update of the source rows whose keys are bound as one {@code BIGINT[]} parameter, which makes
 *                  the capture send them again (repair)
 */
public record ParityProjection(String table, String source, String sourceSql, String target, String targetSql,
        String resendSql) {
}
