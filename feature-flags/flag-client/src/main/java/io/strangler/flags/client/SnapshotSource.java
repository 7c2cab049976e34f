package io.strangler.flags.client;

/** Where the snapshot a {@link FlagClient} currently holds came from. */
public enum SnapshotSource {

    /** Nothing yet: every route is treated as {@link RouteMode#LEGACY}. */
    NONE,

    /** The last good snapshot saved on disk, loaded because the flag service was unreachable. */
    FILE,

    /** The flag service itself (fetched, polled or pushed). */
    SERVICE
}
