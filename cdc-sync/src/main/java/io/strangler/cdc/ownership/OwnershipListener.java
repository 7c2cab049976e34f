package io.strangler.cdc.ownership;

import java.util.Map;

/**
 * Told around every ownership change ({@link TableOwnership#change}), so that what depends on the owners follows
 * them, e.g. which tables the captures stream. Called on the thread that changes the owner, one change at a time.
 */
public interface OwnershipListener {

    /**
     * Before the new owner applies: make ready what the new owners need (e.g. start capturing a table whose direction
     * is about to run). Throwing refuses the change: the owner stays and the exception reaches the caller.
     *
     * @param current the owners now, never null
     * @param next    the owners after the change, never null
     */
    void beforeChange(Map<String, Ownership> current, Map<String, Ownership> next);

    /**
     * After the new owner applied and was saved: release what no owner needs any more. Must not throw.
     *
     * @param owners the owners now, never null
     */
    void afterChange(Map<String, Ownership> owners);
}
