package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.domain.Role;
import java.util.List;
import java.util.Set;

/** Development only: the demo user, support agent and admin that ./kb up prints. */
public record EnsureDemoAccounts(List<DemoAccount> accounts, String password) {

  public record DemoAccount(String email, String displayName, Set<Role> roles) {}
}
