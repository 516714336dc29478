package io.kinobezdna.files.config;

import io.kinobezdna.files.adapter.in.grpc.FilesGrpcService;
import io.kinobezdna.files.adapter.in.schedule.BackgroundWorkers;
import io.kinobezdna.files.adapter.in.startup.BucketCreator;
import io.kinobezdna.files.adapter.out.extract.FileExtractors;
import io.kinobezdna.files.adapter.out.jdbc.JdbcDirectUploads;
import io.kinobezdna.files.adapter.out.jdbc.JdbcFiles;
import io.kinobezdna.files.adapter.out.s3.S3ObjectStore;
import io.kinobezdna.files.adapter.out.sniff.TikaContentSniffer;
import io.kinobezdna.files.application.command.ChangeFileAccessHandler;
import io.kinobezdna.files.application.command.CompleteDirectUploadHandler;
import io.kinobezdna.files.application.command.DeleteFileHandler;
import io.kinobezdna.files.application.command.EditFileMetadataHandler;
import io.kinobezdna.files.application.command.ExtractMetadataHandler;
import io.kinobezdna.files.application.command.FileAdmission;
import io.kinobezdna.files.application.command.PurgeHandler;
import io.kinobezdna.files.application.command.StartDirectUploadHandler;
import io.kinobezdna.files.application.command.UploadFileHandler;
import io.kinobezdna.files.application.port.DirectUploads;
import io.kinobezdna.files.application.port.FileRepository;
import io.kinobezdna.files.application.query.GetContentHandler;
import io.kinobezdna.files.application.query.GetDownloadLinkHandler;
import io.kinobezdna.files.application.query.GetFileHandler;
import io.kinobezdna.files.application.query.GetUsageHandler;
import io.kinobezdna.files.application.query.ListMyFilesHandler;
import io.kinobezdna.platform.id.UuidV7;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Wires the files use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  BucketCreator.class,
  ChangeFileAccessHandler.class,
  CompleteDirectUploadHandler.class,
  DeleteFileHandler.class,
  EditFileMetadataHandler.class,
  FileExtractors.class,
  FilesGrpcService.class,
  GetContentHandler.class,
  GetFileHandler.class,
  JdbcDirectUploads.class,
  JdbcFiles.class,
  ListMyFilesHandler.class,
  UploadFileHandler.class
})
public class FilesConfiguration {

  /**
   * Tomcat copies a response into its per-connection socket buffer and writes that buffer out, one
   * system call per fill: with the default 8 KiB, streaming a film costs a call per 8 KiB. A larger
   * buffer (allocated per open connection) cuts the calls, which is most of the service's CPU when
   * it streams.
   */
  @Bean
  TomcatConnectorCustomizer largeSocketWrites(
      @Value("${kb.files.socket-write-buffer}") DataSize socketWriteBuffer) {
    return connector ->
        connector.setProperty("socket.appWriteBufSize", Long.toString(socketWriteBuffer.toBytes()));
  }

  /** The store's keys, for the client and the presigner alike. */
  @Bean
  AwsCredentialsProvider s3Keys(
      @Value("${kb.files.s3.access-key}") String accessKey,
      @Value("${kb.files.s3.secret-key}") String secretKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  /**
   * Path-style addressing and checksums only where required: what S3Proxy speaks. Payloads are sent
   * unsigned: signing them hashes every byte twice over (SHA-256 per chunk) for an integrity check
   * TCP and the store's own ETag already give; the request itself stays signed.
   */
  @Bean(destroyMethod = "close")
  S3Client s3(@Value("${kb.files.s3.endpoint}") URI endpoint, AwsCredentialsProvider s3Keys) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(s3Keys)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .authSchemeProvider(unsignedPayloads())
        .build();
  }

  private static S3AuthSchemeProvider unsignedPayloads() {
    S3AuthSchemeProvider standard = S3AuthSchemeProvider.defaultProvider();
    return parameters ->
        standard.resolveAuthScheme(parameters).stream()
            .map(
                option ->
                    option.toBuilder()
                        .putSignerProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .build())
            .toList();
  }

  @Bean(destroyMethod = "close")
  S3Presigner presigner(
      @Value("${kb.files.s3.public-endpoint}") URI endpoint, AwsCredentialsProvider s3Keys) {
    return S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(s3Keys)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  @Bean
  S3ObjectStore objectStore(
      S3Client s3,
      S3Presigner presigner,
      @Value("${kb.files.s3.bucket}") String bucket,
      @Value("${kb.files.s3.part-size}") DataSize partSize) {
    return new S3ObjectStore(s3, presigner, bucket, (int) partSize.toBytes());
  }

  @Bean
  ExtractMetadataHandler extractMetadataHandler(
      FileRepository files,
      S3ObjectStore objects,
      FileExtractors extractors,
      Clock clock,
      @Value("${kb.files.extraction.lease}") Duration lease) {
    return new ExtractMetadataHandler(files, objects, extractors, clock, lease);
  }

  @Bean
  PurgeHandler purgeHandler(
      FileRepository files,
      DirectUploads uploads,
      S3ObjectStore objects,
      Clock clock,
      @Value("${kb.files.purge.after}") Duration grace) {
    return new PurgeHandler(files, uploads, objects, clock, grace);
  }

  @Bean
  BackgroundWorkers backgroundWorkers(
      ExtractMetadataHandler extraction,
      PurgeHandler purge,
      @Value("${kb.files.extraction.poll-every}") Duration pollEvery,
      @Value("${kb.files.purge.every}") Duration purgeEvery) {
    return new BackgroundWorkers(extraction, purge, pollEvery, purgeEvery);
  }

  @Bean
  FileAdmission fileAdmission(
      FileRepository files,
      S3ObjectStore objects,
      FileExtractors extractors,
      BackgroundWorkers background,
      @Value("${kb.files.default-quota}") DataSize quota) {
    return new FileAdmission(
        new TikaContentSniffer(), extractors, objects, files, background, quota.toBytes());
  }

  @Bean
  StartDirectUploadHandler startDirectUploadHandler(
      FileAdmission admission,
      DirectUploads uploads,
      S3ObjectStore objects,
      UuidV7 ids,
      Clock clock,
      @Value("${kb.files.link-valid-for}") Duration validFor) {
    return new StartDirectUploadHandler(admission, uploads, objects, ids, clock, validFor);
  }

  @Bean
  GetUsageHandler getUsageHandler(
      FileRepository files, @Value("${kb.files.default-quota}") DataSize quota) {
    return new GetUsageHandler(files, quota.toBytes());
  }

  @Bean
  GetDownloadLinkHandler getDownloadLinkHandler(
      GetContentHandler getContent,
      S3ObjectStore objects,
      Clock clock,
      @Value("${kb.files.link-valid-for}") Duration validFor) {
    return new GetDownloadLinkHandler(getContent, objects, clock, validFor);
  }
}
