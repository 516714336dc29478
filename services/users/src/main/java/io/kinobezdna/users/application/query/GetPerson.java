package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.Caller;
import java.util.UUID;

public record GetPerson(Caller viewer, UUID userId) {}
