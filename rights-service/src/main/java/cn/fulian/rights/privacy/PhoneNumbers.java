package cn.fulian.rights.privacy;

import java.util.regex.Pattern;

/**
 * Phone numbers a complainant may give, on every channel: a mainland mobile number ({@code 1[3-9]} + 9 digits, an
 * optional {@code +86}/{@code 0086} prefix is dropped) or a landline with its area code ({@code 0} + 2–3 digit area
 * code + 7–8 digit number, e.g. {@code 0591-87654321}). Landlines are accepted because hotline and office calls often
 * come from one, and a letter may give a home number as the only contact. Separators (space, {@code -}, brackets) are
 * ignored; extensions are not accepted.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9]\\d{1,2}[2-9]\\d{6,7}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()()]");

    private PhoneNumbers() {}

    /** Digits only, without country prefix, or {@code null} if it is neither a mobile nor a landline number. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String n = SEPARATORS.matcher(raw).replaceAll("");
        if (n.startsWith("+86")) {
            n = n.substring(3);
        } else if (n.startsWith("0086")) {
            n = n.substring(4);
        }
        if (MOBILE.matcher(n).matches()) {
            return n;
        }
        if (LANDLINE.matcher(n).matches() && n.length() >= 10 && n.length() <= 12) {
            return n;
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return normalise(raw) != null;
    }

    public static boolean isMobile(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches();
    }
}
