package io.strangler.cdc.echo;

/** The JMX view of {@link EchoCounts}: {@code io.strangler.cdc:type=EchoFilter,name=<counter.name>}. */
public interface EchoCountsMXBean {

    /** Changes dropped because they belong to a transaction the sync wrote (its marker changes not included). */
    long getEchoes();

    /** Changes of the marker table dropped (the sync's marker writes and the capture's heartbeats). */
    long getMarkers();

    /** Tombstones dropped because the delete they follow was dropped. */
    long getTombstones();
}
