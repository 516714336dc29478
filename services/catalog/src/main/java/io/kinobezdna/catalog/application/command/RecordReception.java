package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.domain.Reception;
import java.util.UUID;

/** UGC's totals for a film after some change, with their version (they only ever grow). */
public record RecordReception(UUID filmId, Reception reception, long version) {}
