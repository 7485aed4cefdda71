package cn.fulian.reporting.export;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks text into lines no wider than a measured width, for every PDF the service writes. Where a line may break is
 * the JDK's line-break iterator's answer for Chinese (Unicode line breaking: between two Chinese characters, never
 * before a closing mark such as ，。；：、）》” nor after an opening one, a Latin word or a number whole), with one rule
 * of Chinese usage added: a number keeps the measure word after it ("3项", "2032年", "8888万元"). What remains here is
 * fitting the pieces into the width.
 */
public final class LineBreaker {

    /** The width of a piece of text, in the units the line widths are given in. */
    @FunctionalInterface
    public interface Measure {
        float width(String text);
    }

    /** Measure words of more than one character that must not be split from each other after a number. */
    private static final List<String> COMPOUND_UNITS =
            List.of("个百分点", "百分点", "平方米", "万元", "亿元", "千元", "万人", "万名", "万户", "万株", "人次", "场次", "户次", "件次", "公里");

    private final Measure measure;

    public LineBreaker(Measure measure) {
        this.measure = measure;
    }

    /**
     * The lines of {@code text}: its own line breaks kept, then wrapped to {@code firstWidth} for the very first line
     * (narrower by an indent) and {@code width} for every other.
     */
    public List<String> lines(String text, float firstWidth, float width) {
        List<String> out = new ArrayList<>();
        for (String hard : text.split("\\R", -1)) {
            wrap(pieces(hard), out.isEmpty() ? firstWidth : width, width, out);
        }
        return out;
    }

    private void wrap(List<String> pieces, float firstWidth, float width, List<String> out) {
        StringBuilder line = new StringBuilder();
        float max = firstWidth;
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (line.isEmpty()) {
                piece = piece.stripLeading(); // a line never starts with a space
                if (piece.isEmpty()) {
                    continue;
                }
            }
            // the spaces a piece ends with may hang over the margin: they vanish at a line's end
            float w = measure.width(piece.stripTrailing());
            if (w > width && piece.strip().codePointCount(0, piece.strip().length()) > 1) {
                // wider than any line by itself (a long Latin word): break it between its characters
                pieces.remove(i);
                pieces.addAll(
                        i, piece.codePoints().mapToObj(Character::toString).toList());
                i--;
                continue;
            }
            if (line.isEmpty() || measure.width(line + piece.stripTrailing()) <= max) {
                line.append(piece);
                continue;
            }
            out.add(line.toString().stripTrailing());
            line.setLength(0);
            max = width;
            i--;
        }
        out.add(line.toString().stripTrailing());
    }

    /** The pieces between the places a line may break. */
    static List<String> pieces(String text) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.CHINA);
        breaks.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end);
            if (!pieces.isEmpty() && staysWith(pieces.get(pieces.size() - 1), piece)) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + piece);
            } else {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** Whether {@code next} is (the start of) the measure word of the number {@code before} ends with. */
    private static boolean staysWith(String before, String next) {
        if (!isHan(next.codePointAt(0))) {
            return false;
        }
        int end = before.length();
        if (Character.isDigit(before.codePointBefore(end))) {
            return true;
        }
        // a number and the first characters of its measure word: keep "万元", "人次" together too
        int unitStart = end;
        while (unitStart > 0 && isHan(before.codePointBefore(unitStart))) {
            unitStart -= Character.charCount(before.codePointBefore(unitStart));
        }
        if (unitStart == end || unitStart == 0 || !Character.isDigit(before.codePointBefore(unitStart))) {
            return false;
        }
        String unit = before.substring(unitStart) + next.substring(0, Character.charCount(next.codePointAt(0)));
        return COMPOUND_UNITS.stream().anyMatch(u -> u.startsWith(unit));
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
