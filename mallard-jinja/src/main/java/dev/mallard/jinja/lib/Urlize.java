package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyChars;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code urlize} filter: links for http(s) URLs, {@code www.} hosts and e-mail addresses. */
final class Urlize {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern HTTP = Pattern.compile("^("
            + "(https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
            + "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
            + "|(https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}\\]))"
            + ")(?::[\\d]{1,5})?(?:[/?#]\\S*)?$", FLAGS);
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$", FLAGS);
    private static final Pattern HEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");
    private static final Pattern SCHEME = Pattern.compile("^([\\w.+-]{2,}:(/){0,2})$", FLAGS);

    private Urlize() {
    }

    static String urlize(Object text, long trimLimit, boolean nofollow, String target, String rel,
                         List<Object> extraSchemes) {
        TreeSet<String> relParts = new TreeSet<>(HtmlFilters.words(rel == null ? "" : rel));
        if (nofollow) {
            relParts.add("nofollow");
        }
        relParts.add("noopener");
        String relValue = String.join(" ", relParts);
        for (Object scheme : extraSchemes) {
            if (!SCHEME.matcher(Py.str(scheme)).matches()) {
                throw new JinjaError(Py.repr(scheme) + " is not a valid URI scheme prefix.");
            }
        }
        String relAttr = relValue.isEmpty() ? "" : " rel=\"" + Markup.escape(relValue) + "\"";
        String targetAttr = target == null || target.isEmpty() ? "" : " target=\"" + Markup.escape(target) + "\"";
        StringBuilder out = new StringBuilder();
        for (String word : splitKeepingSpace(Markup.escape(text).toString())) {
            out.append(link(word, trimLimit, relAttr, targetAttr, extraSchemes));
        }
        return out.toString();
    }

    /** Python's {@code re.split(r"(\s+)", text)}: words and the whitespace between them, in order. */
    private static List<String> splitKeepingSpace(String s) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int start = 0;
        boolean space = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            boolean isSpace = PyChars.isSpace(cp);
            if (isSpace != space && i > 0) {
                parts.add(s.substring(start, i));
                start = i;
            }
            space = isSpace;
            i += Character.charCount(cp);
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String link(String word, long trimLimit, String relAttr, String targetAttr, List<Object> schemes) {
        String head = "";
        String middle = word;
        String tail = "";
        Matcher m = HEAD.matcher(middle);
        if (m.find()) {
            head = m.group();
            middle = middle.substring(m.end());
        }
        if (middle.endsWith(")") || middle.endsWith(">") || middle.endsWith(".") || middle.endsWith(",")
                || middle.endsWith("\n") || middle.endsWith("&gt;")) {
            m = TAIL.matcher(middle);
            if (m.find()) {
                tail = m.group();
                middle = middle.substring(0, m.start());
            }
        }
        String[][] pairs = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
        for (String[] pair : pairs) {
            int starts = count(middle, pair[0]);
            if (starts <= count(middle, pair[1])) {
                continue;
            }
            int moves = Math.min(starts, count(tail, pair[1]));
            for (int k = 0; k < moves; k++) {
                int end = tail.indexOf(pair[1]) + pair[1].length();
                middle += tail.substring(0, end);
                tail = tail.substring(end);
            }
        }
        if (HTTP.matcher(middle).find()) {
            String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle : "https://" + middle;
            middle = "<a href=\"" + href + "\"" + relAttr + targetAttr + ">" + trim(middle, trimLimit) + "</a>";
        } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).find()) {
            middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
        } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.startsWith("@")
                && !middle.contains(":") && EMAIL.matcher(middle).find()) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else {
            for (Object scheme : schemes) {
                String sc = Py.str(scheme);
                if (!middle.equals(sc) && middle.startsWith(sc)) {
                    middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + middle + "</a>";
                }
            }
        }
        return head + middle + tail;
    }

    private static String trim(String url, long limit) {
        if (limit >= 0 && url.codePointCount(0, url.length()) > limit) {
            return url.substring(0, url.offsetByCodePoints(0, (int) limit)) + "...";
        }
        return url;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }
}
