package io.strangler.cdc.capture;

/**
 * What a capture engine is doing, for the status API.
 *
 * @param state     STARTING, RUNNING, STOPPED or FAILED
 * @param tables    the source's tables it streams: those a running direction reads ({@code products} owned by LEGACY:
 *                  the catalog capture streams none of its tables)
 * @param published change events published to Kafka since start
 * @param echoes    changes dropped because the sync wrote them
 * @param error     why it failed, or null
 */
public record CaptureState(String state, java.util.List<String> tables, long published, long echoes, String error) {
}
