package io.kinobezdna.files.adapter.out.jdbc;

import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.domain.DetectedType;
import io.kinobezdna.files.domain.ExtractionStatus;
import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.FileMetadata;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.platform.tx.Transactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files and quotas in PostgreSQL; "my files" is a keyset page on (created_at, id), newest first.
 */
public final class JdbcFiles implements FileRepository {

  private static final String COLUMNS =
      "id, owner_id, name, media_type, kind, extension, size_bytes, etag, object_key, visibility,"
          + " shared_with, created_at, extraction, extraction_error, extracted, edits,"
          + " thumbnail_key, clean_copy_key";

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Transactions transactions;
  private final JsonMapper json;

  public JdbcFiles(JdbcClient jdbc, Transactions transactions, JsonMapper json) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
  }

  @Override
  public boolean insertWithinQuota(StoredFile f, long defaultQuotaBytes) {
    return transactions.inTransaction(
        () -> {
          jdbc.sql("insert into quotas (owner_id, used_bytes) values (?, 0) on conflict do nothing")
              .param(f.ownerId())
              .update();
          int counted =
              jdbc.sql(
                      "update quotas set used_bytes = used_bytes + :size where owner_id = :owner"
                          + " and used_bytes + :size <= coalesce(quota_bytes, :quota)")
                  .param("size", f.sizeBytes())
                  .param("owner", f.ownerId())
                  .param("quota", defaultQuotaBytes)
                  .update();
          if (counted == 0) {
            return false;
          }
          jdbc.sql(
                  "insert into files (id, owner_id, name, media_type, kind, extension, size_bytes,"
                      + " etag, object_key, visibility, shared_with, created_at, extraction)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  f.id(),
                  f.ownerId(),
                  f.name(),
                  f.type().mediaType(),
                  f.type().kind().name(),
                  f.type().extension(),
                  f.sizeBytes(),
                  f.etag(),
                  f.objectKey(),
                  f.visibility().name(),
                  f.sharedWith().toArray(UUID[]::new),
                  Timestamp.from(f.createdAt()),
                  f.extraction().name())
              .update();
          return true;
        });
  }

  @Override
  public Optional<StoredFile> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from files where id = ? and deleted_at is null")
        .param(id)
        .query(this::file)
        .optional();
  }

  @Override
  public Page<StoredFile> listOwned(UUID ownerId, Filter filter, Page.Cursor after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select " + COLUMNS + " from files where owner_id = :owner and deleted_at is null");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("owner", ownerId);
    filter
        .kind()
        .ifPresent(
            kind -> {
              sql.append(" and kind = :kind");
              params.put("kind", kind.name());
            });
    filter
        .text()
        .ifPresent(
            text -> {
              sql.append(
                  " and (name ilike :text escape '\\' or title ilike :text escape '\\'"
                      + " or artist ilike :text escape '\\')");
              params.put("text", "%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%");
            });
    filter
        .artist()
        .ifPresent(
            artist -> {
              sql.append(" and lower(artist) = lower(:artist)");
              params.put("artist", artist);
            });
    if (!after.equals(Page.Cursor.START)) {
      sql.append(" and (created_at, id) < (:afterAt, :afterId)");
      params.put("afterAt", Timestamp.from(after.sortKeyAsInstant()));
      params.put("afterId", after.idAsUuid());
    }
    sql.append(" order by created_at desc, id desc limit :limit");
    params.put("limit", limit + 1);
    List<StoredFile> rows = jdbc.sql(sql.toString()).params(params).query(this::file).list();
    return Page.fromRows(
        rows, limit, f -> new Page.Cursor(f.createdAt().toString(), f.id().toString()));
  }

  @Override
  public Usage usage(UUID ownerId, long defaultQuotaBytes) {
    return jdbc.sql(
            "select used_bytes, coalesce(quota_bytes, :quota) from quotas where owner_id = :owner")
        .param("quota", defaultQuotaBytes)
        .param("owner", ownerId)
        .query((rs, n) -> new Usage(rs.getLong(1), rs.getLong(2)))
        .optional()
        .orElse(new Usage(0, defaultQuotaBytes));
  }

  @Override
  public void updateAccessAndEdits(StoredFile f) {
    jdbc.sql(
            "update files set visibility = ?, shared_with = ?, edits = ?::jsonb"
                + " where id = ? and deleted_at is null")
        .params(
            f.visibility().name(),
            f.sharedWith().toArray(UUID[]::new),
            json.writeValueAsString(f.metadata().edits()),
            f.id())
        .update();
  }

  @Override
  public Optional<StoredFile> claimPendingExtraction(Instant now, Duration lease) {
    return jdbc.sql(
            "update files set claimed_until = :until where id = (select id from files"
                + " where extraction = 'PENDING' and deleted_at is null"
                + " and (claimed_until is null or claimed_until < :now)"
                + " order by created_at limit 1 for update skip locked) returning "
                + COLUMNS)
        .param("until", Timestamp.from(now.plus(lease)))
        .param("now", Timestamp.from(now))
        .query(this::file)
        .optional();
  }

  @Override
  public void extractionDone(
      UUID id, Map<String, Object> metadata, String thumbnailKey, String cleanCopyKey) {
    jdbc.sql(
            "update files set extraction = 'DONE', extraction_error = null, claimed_until = null,"
                + " extracted = ?::jsonb, thumbnail_key = ?, clean_copy_key = ? where id = ?")
        .params(json.writeValueAsString(metadata), thumbnailKey, cleanCopyKey, id)
        .update();
  }

  @Override
  public void extractionFailed(UUID id, String reason) {
    jdbc.sql(
            "update files set extraction = 'FAILED', extraction_error = ?, claimed_until = null"
                + " where id = ?")
        .params(reason, id)
        .update();
  }

  @Override
  public boolean softDelete(UUID id, Instant at) {
    return transactions.inTransaction(
        () -> {
          Optional<Long> size =
              jdbc.sql(
                      "update files set deleted_at = ? where id = ? and deleted_at is null"
                          + " returning size_bytes")
                  .params(Timestamp.from(at), id)
                  .query(Long.class)
                  .optional();
          size.ifPresent(
              bytes ->
                  jdbc.sql(
                          "update quotas set used_bytes = greatest(0, used_bytes - ?)"
                              + " where owner_id = (select owner_id from files where id = ?)")
                      .params(bytes, id)
                      .update());
          return size.isPresent();
        });
  }

  @Override
  public List<StoredFile> deletedBefore(Instant before, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from files where deleted_at is not null and deleted_at < ?"
                + " order by deleted_at limit ?")
        .params(Timestamp.from(before), limit)
        .query(this::file)
        .list();
  }

  @Override
  public void forget(UUID id) {
    jdbc.sql("delete from files where id = ?").param(id).update();
  }

  private StoredFile file(ResultSet rs, int row) throws SQLException {
    return new StoredFile(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("name"),
        new DetectedType(
            rs.getString("media_type"),
            FileKind.valueOf(rs.getString("kind")),
            rs.getString("extension")),
        rs.getLong("size_bytes"),
        rs.getString("etag"),
        rs.getString("object_key"),
        Visibility.valueOf(rs.getString("visibility")),
        uuids(rs.getArray("shared_with")),
        rs.getTimestamp("created_at").toInstant(),
        ExtractionStatus.valueOf(rs.getString("extraction")),
        rs.getString("extraction_error"),
        new FileMetadata(map(rs.getString("extracted")), map(rs.getString("edits"))),
        rs.getString("thumbnail_key"),
        rs.getString("clean_copy_key"));
  }

  private Map<String, Object> map(String jsonText) {
    return json.readValue(jsonText, MAP);
  }

  private static Set<UUID> uuids(Array array) throws SQLException {
    return array == null ? Set.of() : Set.copyOf(Arrays.asList((UUID[]) array.getArray()));
  }
}
