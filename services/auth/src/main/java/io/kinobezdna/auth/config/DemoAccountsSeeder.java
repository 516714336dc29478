package io.kinobezdna.auth.config;

import io.kinobezdna.auth.application.command.EnsureDemoAccounts;
import io.kinobezdna.auth.application.command.EnsureDemoAccounts.DemoAccount;
import io.kinobezdna.auth.application.command.EnsureDemoAccountsHandler;
import io.kinobezdna.auth.domain.Role;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The demo user, support agent and admin ./kb up prints. Only when a demo password is configured: a
 * production deployment has none.
 */
public final class DemoAccountsSeeder implements ApplicationRunner {

  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("demo@kinobezdna.local", "Demo Viewer", Set.of(Role.USER)),
          new DemoAccount(
              "support@kinobezdna.local", "Support Agent", Set.of(Role.USER, Role.SUPPORT)),
          new DemoAccount(
              "admin@kinobezdna.local",
              "Administrator",
              Set.of(Role.USER, Role.SUPPORT, Role.ADMIN)));

  private final EnsureDemoAccountsHandler handler;
  private final String password;

  DemoAccountsSeeder(EnsureDemoAccountsHandler handler, String password) {
    this.handler = handler;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!password.isBlank()) {
      handler.handle(new EnsureDemoAccounts(ACCOUNTS, password));
    }
  }
}
