package cn.fulian.activity.activity;

import java.time.Instant;

/** A photo or document attached to an activity; the bytes live in GridFS under {@code fileId}. */
public record EvidenceFile(
        String fileId,
        String fileName,
        String kind,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
