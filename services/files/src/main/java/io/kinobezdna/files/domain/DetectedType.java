package io.kinobezdna.files.domain;

/**
 * A file's real type, found from its content: the media type served back, the kind that sets its
 * limits and metadata, and the extension a download is named with.
 */
public record DetectedType(String mediaType, FileKind kind, String extension) {}
