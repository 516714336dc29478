package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.domain.Role;
import java.util.List;
import java.util.Set;

/**
 * Accounts the deployment itself needs, with one password: the demo accounts ./kb up prints, or a
 * service's own account (with which, say, catalog owns the demo media it stores in files).
 */
public record EnsureAccounts(List<SeedAccount> accounts, String password) {

  public record SeedAccount(String email, String displayName, Set<Role> roles) {}
}
