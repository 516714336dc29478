package io.kinobezdna.auth.adapter.in.startup;

import io.kinobezdna.auth.application.command.EnsureAccounts;
import io.kinobezdna.auth.application.command.EnsureAccounts.SeedAccount;
import io.kinobezdna.auth.application.command.EnsureAccountsHandler;
import io.kinobezdna.auth.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The accounts a deployment configures: the demo user, support agent and admin ./kb up prints (only
 * when a demo password is configured: a production deployment has none), and one account per
 * service that acts on its own behalf ({@code kb.auth.service-accounts.<service>=<password>}).
 */
public final class AccountsSeeder implements ApplicationRunner {

  public static final List<SeedAccount> DEMO_ACCOUNTS =
      List.of(
          new SeedAccount("demo@kinobezdna.local", "Demo Viewer", Set.of(Role.USER)),
          new SeedAccount(
              "support@kinobezdna.local", "Support Agent", Set.of(Role.USER, Role.SUPPORT)),
          new SeedAccount(
              "editor@kinobezdna.local", "Catalog Editor", Set.of(Role.USER, Role.EDITOR)),
          new SeedAccount(
              "admin@kinobezdna.local",
              "Administrator",
              Set.of(Role.USER, Role.SUPPORT, Role.EDITOR, Role.ADMIN)));

  private final EnsureAccountsHandler handler;
  private final String demoPassword;
  private final Map<String, String> servicePasswords;

  public AccountsSeeder(
      EnsureAccountsHandler handler, String demoPassword, Map<String, String> servicePasswords) {
    this.handler = handler;
    this.demoPassword = demoPassword;
    this.servicePasswords = servicePasswords;
  }

  /** The login of a service's own account. */
  public static String serviceAccountEmail(String service) {
    return service + "@services.kinobezdna.local";
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demoPassword.isBlank()) {
      handler.handle(new EnsureAccounts(DEMO_ACCOUNTS, demoPassword));
    }
    servicePasswords.forEach(
        (service, password) ->
            handler.handle(
                new EnsureAccounts(
                    List.of(
                        new SeedAccount(
                            serviceAccountEmail(service), service + " service", Set.of(Role.USER))),
                    password)));
  }
}
