package cn.fulian.reporting.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file download answer: the browser saves it under its Chinese name (RFC 5987 {@code filename*}). */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> of(byte[] bytes, String mediaType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }
}
