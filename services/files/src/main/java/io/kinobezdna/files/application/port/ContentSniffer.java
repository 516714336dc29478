package io.kinobezdna.files.application.port;

import io.kinobezdna.files.domain.DetectedType;
import java.util.Optional;

/** Tells what content really is from its first bytes (the name only breaks ties among texts). */
public interface ContentSniffer {

  /** What the content is, and the type we accept it as (empty when we do not take it). */
  record Sniffed(String mediaType, boolean executable, Optional<DetectedType> accepted) {}

  /** How many leading bytes {@link #sniff} wants to see. */
  int headLength();

  Sniffed sniff(byte[] head, String declaredName);
}
