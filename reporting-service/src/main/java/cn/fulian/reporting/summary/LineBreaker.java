package cn.fulian.reporting.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines no wider than a measured width. Chinese has no spaces, so a line may break between any two
 * CJK characters; a run of Latin letters and digits ("2032", "Excel", "50%") stays whole unless it is wider than a line
 * by itself. Closing marks never start a line and opening marks never end one (the 禁则 of Chinese typesetting): the
 * character before a closing mark goes down with it.
 */
final class LineBreaker {

    /** The width of a piece of text, in the units the line widths are given in. */
    @FunctionalInterface
    interface Measure {
        float width(String text);
    }

    private static final String NO_LINE_START = ",。、;:!?)]}」』》〉】〕〗”’…—·%‰°,.;:!?)]}>";
    private static final String NO_LINE_END = "([{「『《〈【〔〖“‘([{<";

    /** At most this many pieces go down to the next line for the rules' sake. */
    private static final int MAX_CARRY = 2;

    private final Measure measure;

    LineBreaker(Measure measure) {
        this.measure = measure;
    }

    /**
     * The lines of {@code text}: its own line breaks kept, then wrapped to {@code firstWidth} for the very first line
     * (narrower by an indent) and {@code width} for every other.
     */
    List<String> lines(String text, float firstWidth, float width) {
        List<String> out = new ArrayList<>();
        for (String hard : text.split("\\R", -1)) {
            wrap(tokens(hard), out.isEmpty() ? firstWidth : width, width, out);
        }
        return out;
    }

    private void wrap(List<String> tokens, float firstWidth, float width, List<String> out) {
        List<String> line = new ArrayList<>();
        float used = 0;
        float max = firstWidth;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.isBlank()) {
                // a line never starts with a space, so a line that is not empty holds text
                if (!line.isEmpty()) {
                    line.add(t);
                    used += measure.width(t);
                }
                continue;
            }
            float w = measure.width(t);
            if (w > width && t.codePointCount(0, t.length()) > 1) {
                // a word wider than any line: break it between its characters
                tokens.remove(i);
                tokens.addAll(i, codePoints(t));
                i--;
                continue;
            }
            if (used + w <= max || line.isEmpty()) {
                line.add(t);
                used += w;
                continue;
            }
            trimEnd(line);
            List<String> full = new ArrayList<>(line);
            List<String> carry = carry(line, t);
            List<String> next = new ArrayList<>(carry);
            next.add(t);
            if (carry.size() > MAX_CARRY || !carry.isEmpty() && width(next) > width) {
                // a run of marks the rules cannot be kept for (a row of "((((" ): break where the width says
                line = full;
                next = new ArrayList<>(List.of(t));
            }
            out.add(String.join("", line));
            line = next;
            used = width(next);
            max = width;
        }
        trimEnd(line);
        out.add(String.join("", line));
    }

    /** What must leave the end of {@code line} (now full) so that neither it nor the next line, starting {@code next}, breaks a rule. */
    private static List<String> carry(List<String> line, String next) {
        List<String> carry = new ArrayList<>();
        if (isIn(NO_LINE_START, first(next)) && line.size() > 1) {
            carry.add(0, line.remove(line.size() - 1));
        }
        while (line.size() > 1 && isIn(NO_LINE_END, last(line.get(line.size() - 1)))) {
            carry.add(0, line.remove(line.size() - 1));
        }
        trimEnd(line);
        return carry;
    }

    /** Single CJK characters and marks, runs of anything else up to a space or a CJK character, runs of spaces. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        StringBuilder space = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(word, tokens);
                space.appendCodePoint(cp == '\t' ? ' ' : cp);
            } else if (isCjk(cp)) {
                flush(word, tokens);
                flush(space, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else {
                flush(space, tokens);
                word.appendCodePoint(cp);
            }
        });
        flush(word, tokens);
        flush(space, tokens);
        return tokens;
    }

    /** Characters a line may break before and after: ideographs, kana, hangul and the full-width marks. */
    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
                || block == Character.UnicodeBlock.GEOMETRIC_SHAPES;
    }

    private float width(List<String> line) {
        float w = 0;
        for (String t : line) {
            w += measure.width(t);
        }
        return w;
    }

    private static void trimEnd(List<String> line) {
        while (!line.isEmpty() && line.get(line.size() - 1).isBlank()) {
            line.remove(line.size() - 1);
        }
    }

    private static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toList();
    }

    private static void flush(StringBuilder b, List<String> tokens) {
        if (!b.isEmpty()) {
            tokens.add(b.toString());
            b.setLength(0);
        }
    }

    private static int first(String s) {
        return s.codePointAt(0);
    }

    private static int last(String s) {
        return s.codePointBefore(s.length());
    }

    private static boolean isIn(String marks, int cp) {
        return marks.indexOf(cp) >= 0;
    }
}
