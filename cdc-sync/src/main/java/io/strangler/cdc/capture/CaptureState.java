package io.strangler.cdc.capture;

/**
 * What a capture engine is doing, for the status API.
 *
 * @param state     STARTING, RUNNING, STOPPED or FAILED
 * @param published change events published to Kafka since start
 * @param echoes    changes dropped because the sync wrote them
 * @param error     why it failed, or null
 */
public record CaptureState(String state, long published, long echoes, String error) {
}
