package io.strangler.cdc.mapping;

import java.util.Objects;

/**
 * The routing half of a {@link TableMapping}: which table it owns, which way it writes, between which databases, from
 * which captured table and in which order. Subclasses only say how a row is translated ({@code key}, {@code upsert},
 * {@code delete}).
 */
public abstract class RoutedTableMapping implements TableMapping {

    private final String ownedTable;
    private final Direction direction;
    private final String source;
    private final String target;
    private final String sourceTable;
    private final int applyOrder;

    protected RoutedTableMapping(String ownedTable, Direction direction, String source, String target,
            String sourceTable, int applyOrder) {
        this.ownedTable = Objects.requireNonNull(ownedTable, "ownedTable");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.sourceTable = Objects.requireNonNull(sourceTable, "sourceTable");
        this.applyOrder = applyOrder;
    }

    @Override
    public final String ownedTable() {
        return ownedTable;
    }

    @Override
    public final Direction direction() {
        return direction;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final String target() {
        return target;
    }

    @Override
    public final String sourceTable() {
        return sourceTable;
    }

    @Override
    public final int applyOrder() {
        return applyOrder;
    }
}
