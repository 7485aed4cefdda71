package cn.fulian.activity.honour;

/** Narrows a list of honours within the caller's scope; {@code unitPath} includes the units below it. */
public record HonourFilter(
        HonourKind kind, HonourLevel level, HonourStatus status, String unitPath, String round, String q) {}
