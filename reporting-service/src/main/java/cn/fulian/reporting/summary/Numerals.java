package cn.fulian.reporting.summary;

/** Section numbers as Chinese documents write them: 一、二、…十、十一、…二十、…一百、. */
final class Numerals {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Numerals() {}

    /** The heading of the section at {@code index} (from 0): "一、服务妇女发展". */
    static String heading(int index, String title) {
        return chinese(index + 1) + "、" + title;
    }

    /** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五; numbers from 1 to 999. */
    static String chinese(int n) {
        if (n < 1 || n > 999) {
            return String.valueOf(n);
        }
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (hundreds > 0) {
            s.append(DIGITS[hundreds]).append("百");
            if (tens == 0 && ones > 0) {
                s.append("零");
            }
        }
        if (tens > 0) {
            // "十一", not "一十一", when the number starts with its tens
            if (tens > 1 || hundreds > 0) {
                s.append(DIGITS[tens]);
            }
            s.append("十");
        }
        if (ones > 0) {
            s.append(DIGITS[ones]);
        }
        return s.toString();
    }
}
