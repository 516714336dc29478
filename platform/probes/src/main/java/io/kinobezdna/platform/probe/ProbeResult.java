package io.kinobezdna.platform.probe;

/**
 * What one probe saw.
 *
 * @param up whether the server answered its protocol's handshake as a ready server does
 * @param detail a short human-readable reason, shown on the status page
 * @param millis how long the probe took
 */
public record ProbeResult(boolean up, String detail, long millis) {}
