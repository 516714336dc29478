package io.kinobezdna.auth.application.command;

import java.util.UUID;

/** Ends every session of the caller's account, on every device. */
public record LogOutEverywhere(UUID accountId, String clientIp) {}
