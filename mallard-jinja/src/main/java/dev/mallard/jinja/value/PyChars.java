package dev.mallard.jinja.value;

/**
 * Python's character classes, which differ from Java's: {@code str.isspace()} counts
 * U+00A0 and U+001C..U+001F, {@code str.isdigit()} counts superscripts, and "cased" means
 * upper, lower or title case.
 */
public final class PyChars {
    private PyChars() {
    }

    /** {@code str.isspace()} for one code point; also what {@code split()} and {@code strip()} skip. */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x20);
        }
        return cp == 0x85 || Character.getType(cp) == Character.SPACE_SEPARATOR || cp == 0x2028 || cp == 0x2029;
    }

    /** The line boundaries of {@code str.splitlines()} (the pair CR LF is handled by the caller). */
    public static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d || cp == 0x1e
                || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    public static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    public static boolean isAlpha(int cp) {
        return Character.isLetter(cp);
    }

    public static boolean isDecimal(int cp) {
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    public static boolean isDigit(int cp) {
        if (isDecimal(cp)) {
            return true;
        }
        int value = Character.getNumericValue(cp);
        return Character.getType(cp) == Character.OTHER_NUMBER && value >= 0 && value <= 9;
    }

    public static boolean isNumeric(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    public static boolean isAlnum(int cp) {
        return isAlpha(cp) || isDecimal(cp) || isDigit(cp) || isNumeric(cp);
    }

    /** A character {@code \w} matches in a Python regular expression over str. */
    public static boolean isWord(int cp) {
        return cp == '_' || isAlnum(cp);
    }

    /** One code point as a string, upper-cased with full case mapping ({@code ß} becomes {@code SS}). */
    public static String upper(int cp) {
        return new String(Character.toChars(cp)).toUpperCase(java.util.Locale.ROOT);
    }

    public static String lower(int cp) {
        return new String(Character.toChars(cp)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Title case of one code point, as {@code str.capitalize()} and {@code str.title()} apply it. */
    public static String title(int cp) {
        if (cp == 0xdf) {
            return "Ss";
        }
        if (Character.isTitleCase(cp) || Character.toTitleCase(cp) != cp) {
            return new String(Character.toChars(Character.toTitleCase(cp)));
        }
        return upper(cp);
    }
}
