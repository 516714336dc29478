package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Caller;
import java.util.UUID;

/** Follow ({@code follow = true}) or unfollow another user. */
public record ChangeFollow(Caller caller, UUID other, boolean follow) {}
