package io.kinobezdna.users.adapter.out.jdbc;

import io.kinobezdna.users.application.port.SettingsRepository;
import io.kinobezdna.users.domain.Settings;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcSettingsRepository implements SettingsRepository {

  private final JdbcClient jdbc;

  public JdbcSettingsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Settings> find(UUID userId) {
    return jdbc.sql("select * from settings where user_id = ?")
        .param(userId)
        .query(
            (rs, row) ->
                new Settings(
                    userId,
                    rs.getString("language"),
                    rs.getString("theme"),
                    rs.getBoolean("autoplay"),
                    rs.getBoolean("notify_email"),
                    rs.getBoolean("notify_in_app"),
                    rs.getBoolean("notify_friend_activity")))
        .optional();
  }

  @Override
  public void save(Settings s) {
    jdbc.sql(
            """
            insert into settings (user_id, language, theme, autoplay, notify_email, notify_in_app, notify_friend_activity)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (user_id) do update set language = excluded.language, theme = excluded.theme,
              autoplay = excluded.autoplay, notify_email = excluded.notify_email,
              notify_in_app = excluded.notify_in_app,
              notify_friend_activity = excluded.notify_friend_activity
            """)
        .params(
            s.userId(),
            s.language(),
            s.theme(),
            s.autoplay(),
            s.notifyByEmail(),
            s.notifyInApp(),
            s.notifyFriendActivity())
        .update();
  }
}
