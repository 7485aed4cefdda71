package cn.fulian.starter.version;

/** The {@code ETag} of a versioned record: its version, strong and quoted ({@code "3"}). */
public final class ETags {

    private ETags() {}

    public static String of(Long version) {
        return "\"" + (version == null ? 0 : version) + "\"";
    }
}
