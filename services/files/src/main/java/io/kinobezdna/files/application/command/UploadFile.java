package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.domain.Visibility;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * A file streamed through the service: its name as the client gave it, its bytes, and the length
 * the client announced (when it did, an oversized upload is refused before a byte is stored).
 */
public record UploadFile(
    Caller caller,
    String declaredName,
    InputStream content,
    OptionalLong declaredLength,
    Visibility visibility) {}
