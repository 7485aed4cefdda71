package cn.fulian.reporting.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The bytes of Noto Sans SC (TrueType outlines, which PDFBox can embed; the CFF-based .otf cuts cannot be). Read from
 * the classpath once, on first use; each document parses its own font from them, since a parsed font is not safe to
 * share between threads.
 */
@Component
public class CjkFont {

    static final String RESOURCE = "/fonts/NotoSansSC-Regular.ttf";

    private volatile byte[] bytes;

    public byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (this) {
                if (bytes == null) {
                    bytes = read();
                }
                b = bytes;
            }
        }
        return b;
    }

    private static byte[] read() {
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
