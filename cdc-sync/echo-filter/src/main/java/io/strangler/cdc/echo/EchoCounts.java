package io.strangler.cdc.echo;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What an {@link EchoFilter} dropped. A filter configured with {@code counter.name} counts into the instance
 * {@link #named} returns for that name, so the code that started the engine (cdc-sync's embedded capture) can read
 * them; the same counts are published as the JMX MBean {@code io.strangler.cdc:type=EchoFilter,name=<name>} for a
 * Kafka Connect worker's metrics exporter. Counts only grow, also across restarts of a connector in the same JVM.
 *
 * <p>Thread-safe: the filter counts on its own thread, readers read from any thread.
 */
public final class EchoCounts implements EchoCountsMXBean {

    private static final ConcurrentMap<String, EchoCounts> NAMED = new ConcurrentHashMap<>();

    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong markers = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();

    EchoCounts() {
    }

    /**
     * The counts of the filters configured with this {@code counter.name}, created (and published in JMX) the first
     * time; never null.
     *
     * @throws IllegalArgumentException when the name cannot be part of a JMX object name
     */
    public static EchoCounts named(String name) {
        return NAMED.computeIfAbsent(name, EchoCounts::published);
    }

    @Override
    public long getEchoes() {
        return echoes.get();
    }

    @Override
    public long getMarkers() {
        return markers.get();
    }

    @Override
    public long getTombstones() {
        return tombstones.get();
    }

    void echoDropped() {
        echoes.incrementAndGet();
    }

    void markerDropped() {
        markers.incrementAndGet();
    }

    void tombstoneDropped() {
        tombstones.incrementAndGet();
    }

    private static EchoCounts published(String name) {
        EchoCounts counts = new EchoCounts();
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(counts,
                    new ObjectName("io.strangler.cdc:type=EchoFilter,name=" + name));
        } catch (InstanceAlreadyExistsException e) {
            // another copy of this plugin (another class loader) in the JVM published the name first: its MBean
            // stays, these counts are readable in-process only
            return counts;
        } catch (JMException e) {
            throw new IllegalArgumentException("Cannot publish the echo filter counts as JMX name " + name + ": "
                    + e.getMessage(), e);
        }
        return counts;
    }
}
