package cn.fulian.rights.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Resident identity card numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit
 * sequence and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}). The old 15-digit numbers are not
 * accepted: they stopped being valid identity documents in 2013.
 */
public final class IdNumbers {

    private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{16}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {}

    /** The number in its canonical form (upper-case X, no spaces), or {@code null} if it is not a valid number. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.replace(" ", "").toUpperCase();
        if (!SHAPE.matcher(id).matches() || !validBirthDate(id.substring(6, 14))) {
            return null;
        }
        return checkCharacter(id) == id.charAt(17) ? id : null;
    }

    public static boolean isValid(String raw) {
        return normalise(raw) != null;
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            LocalDate birth = LocalDate.parse(yyyymmdd, BIRTH);
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now().plusDays(1));
        } catch (DateTimeException e) {
            return false;
        }
    }
}
