package io.kinobezdna.users.application.query;

import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;

/** A profile as one viewer sees it: with how the viewer relates to that person. */
public record PersonView(Profile profile, Relationship relationship) {}
