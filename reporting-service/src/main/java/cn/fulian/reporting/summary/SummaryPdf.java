package cn.fulian.reporting.summary;

import cn.fulian.reporting.export.LineBreaker;
import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The (edited) summary as an A4 PDF laid out like the Word document: the title centred, numbered sections, paragraphs
 * indented two characters and wrapped by the glyphs' measured widths, then the table 「附：数据来源」. The text is real
 * text in an embedded subset of Noto Sans SC, so it can be searched and copied.
 */
final class SummaryPdf {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 72;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN;
    private static final float WIDTH = RIGHT - LEFT;

    private static final float TITLE = 18;
    private static final float HEADING = 14;
    private static final float BODY = 12;
    private static final float TABLE = 10.5f;
    private static final float LEADING = 1.6f;
    private static final float PADDING = 4;

    static final String SOURCES = "附：数据来源";
    private static final String[] HEADERS = {"工作领域", "任务", "数据项", "类别", "数值"};
    static final float[] COLUMNS = {96, 128, 99, 52, 76};

    /** What Chinese print sets for a character it has no type for (缺字). */
    private static final String MISSING = "□";

    private final PDDocument doc;
    private final PDType0Font font;
    private final float[] bmp = new float[Character.MIN_SUPPLEMENTARY_CODE_POINT];
    private final Map<Integer, Float> others = new HashMap<>();
    private final LineBreaker breaker;
    private PDPageContentStream out;
    private float size;
    private float y;

    private SummaryPdf(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.breaker = new LineBreaker(this::width);
        Arrays.fill(bmp, Float.NaN);
    }

    static byte[] render(SummaryDraft draft, byte[] fontBytes) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes), true);
            doc.getDocumentInformation().setTitle(draft.title());
            SummaryPdf pdf = new SummaryPdf(doc, font);
            pdf.newPage();
            pdf.write(draft);
            pdf.out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(SummaryDraft draft) throws IOException {
        size = TITLE;
        for (String line : lines(draft.title(), WIDTH, WIDTH)) {
            ensureRoom(leading());
            text(LEFT + (WIDTH - width(line)) / 2, line, true);
            y -= leading();
        }
        y -= BODY;
        size = BODY;
        for (Paragraph p : nonNull(draft.opening())) {
            paragraph(p);
        }
        List<Section> sections = nonNull(draft.sections());
        for (int n = 0; n < sections.size(); n++) {
            Section s = sections.get(n);
            heading(Numerals.heading(n, s.workArea()), HEADING, 2 * BODY * LEADING);
            size = BODY;
            for (Paragraph p : nonNull(s.paragraphs())) {
                paragraph(p);
            }
        }
        y -= BODY / 2;
        // kept with the table's header and first row
        heading(SOURCES, BODY, 3 * (TABLE * LEADING + 2 * PADDING));
        sources(draft.opening(), sections);
    }

    /** Body text, its first line indented two characters as Chinese body text is set. */
    private void paragraph(Paragraph p) throws IOException {
        List<String> lines = lines(p.text(), WIDTH - 2 * BODY, WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(leading());
            text(i == 0 ? LEFT + 2 * BODY : LEFT, lines.get(i), false);
            y -= leading();
        }
    }

    /** A bold heading kept on the page with the first lines of what follows it ({@code following} high). */
    private void heading(String heading, float headingSize, float following) throws IOException {
        size = headingSize;
        List<String> lines = lines(heading, WIDTH, WIDTH);
        ensureRoom(size / 2 + lines.size() * leading() + following);
        y -= size / 2;
        for (String line : lines) {
            text(LEFT, line, true);
            y -= leading();
        }
    }

    private void sources(List<Paragraph> opening, List<Section> sections) throws IOException {
        size = TABLE;
        header();
        for (Paragraph p : nonNull(opening)) {
            sourceRows("", p);
        }
        for (Section s : sections) {
            for (Paragraph p : nonNull(s.paragraphs())) {
                sourceRows(s.workArea(), p);
            }
        }
    }

    private void sourceRows(String area, Paragraph p) throws IOException {
        for (Source src : nonNull(p.sources())) {
            row(new String[] {
                area,
                src.task(),
                src.figure(),
                src.kind() == null ? "" : src.kind().label(),
                src.value() == null ? "" : value(src.value()) + (src.unit() == null ? "" : src.unit())
            });
        }
    }

    private void header() throws IOException {
        row(HEADERS, true);
    }

    private void row(String[] cells) throws IOException {
        row(cells, false);
    }

    /** One table row; a row taller than a page continues on the next, under the header again. */
    private void row(String[] cells, boolean bold) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int count = 1;
        for (int i = 0; i < cells.length; i++) {
            float inner = COLUMNS[i] - 2 * PADDING;
            List<String> cell = lines(cells[i] == null ? "" : cells[i], inner, inner);
            lines.add(cell);
            count = Math.max(count, cell.size());
        }
        float full = count * leading() + 2 * PADDING;
        if (y - full < BOTTOM && full <= TOP - BOTTOM - header(bold)) {
            breakTable(bold);
        }
        int done = 0;
        while (done < count) {
            int room = (int) ((y - BOTTOM - 2 * PADDING) / leading());
            if (room < 1) {
                breakTable(bold);
                continue;
            }
            int take = Math.min(room, count - done);
            float height = take * leading() + 2 * PADDING;
            float x = LEFT;
            for (int c = 0; c < cells.length; c++) {
                List<String> cell = lines.get(c);
                float baseline = y - PADDING - size;
                for (int i = done; i < Math.min(cell.size(), done + take); i++) {
                    text(x + PADDING, baseline, cell.get(i), bold);
                    baseline -= leading();
                }
                x += COLUMNS[c];
            }
            out.setLineWidth(0.5f);
            x = LEFT;
            for (float column : COLUMNS) {
                out.addRect(x, y - height, column, height);
                x += column;
            }
            out.stroke();
            y -= height;
            done += take;
        }
    }

    private float header(boolean bold) {
        return bold ? 0 : leading() + 2 * PADDING;
    }

    private void breakTable(boolean inHeader) throws IOException {
        out.close();
        newPage();
        if (!inHeader) {
            header();
        }
    }

    /** The text's lines, after what the font cannot show is made showable. */
    private List<String> lines(String text, float first, float rest) {
        return breaker.lines(showable(text == null ? "" : text), first, rest);
    }

    /**
     * Tabs become spaces and invisible controls go; a character the font has no glyph for becomes □, so that one
     * emoji does not cost the whole document.
     */
    private String showable(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                s.append(' ');
            } else if (cp == '\n'
                    || cp == '\r'
                    || cp == 0x2028
                    || cp == 0x2029
                    || cp == 0x0B
                    || cp == 0x0C
                    || cp == 0x85) {
                s.appendCodePoint(cp); // line breaks, which the line breaker keeps
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // nothing to show
            } else if (advance(cp) < 0) {
                s.append(MISSING);
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }

    /** The width of {@code text} at the current size; showText draws glyphs at their advances, without kerning. */
    private float width(String text) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += Math.max(0, advance(cp));
            i += Character.charCount(cp);
        }
        return units / 1000 * size;
    }

    /** The glyph's advance in thousandths of the size, or -1 if the font has no glyph for it. */
    private float advance(int cp) {
        if (cp < bmp.length) {
            if (Float.isNaN(bmp[cp])) {
                bmp[cp] = glyphAdvance(cp);
            }
            return bmp[cp];
        }
        return others.computeIfAbsent(cp, this::glyphAdvance);
    }

    private float glyphAdvance(int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IllegalArgumentException | IOException e) {
            return -1f;
        }
    }

    private float leading() {
        return size * LEADING;
    }

    private void text(float x, String s, boolean bold) throws IOException {
        text(x, y - size, s, bold);
    }

    private void text(float x, float baseline, String s, boolean bold) throws IOException {
        if (s.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        if (bold) {
            // the font has one weight: stroking the outlines as well as filling them sets a heading apart
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setLineWidth(size * 0.03f);
        }
        out.newLineAtOffset(x, baseline);
        out.showText(s);
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.endText();
    }

    private void ensureRoom(float needed) throws IOException {
        if (y - needed < BOTTOM && y < TOP) {
            out.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** The figure as the text states it ("1200.5", not "1200.50"); a huge exponent stays in exponent form. */
    static String value(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < -20 || s.scale() > 20 ? s.toString() : s.toPlainString();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
