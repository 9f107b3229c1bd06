package dev.mallard.core.migrate;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tables that migrations' up sections create, drop and rename, read with regular expressions. */
final class ManagedTables {
    private static final String NAME = SqlNames.QUALIFIED;
    private static final Pattern CREATE = Pattern.compile("(?is)^\\s*create\\s+(?:or\\s+replace\\s+)?"
            + "(?:(?:temp|temporary)\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME);
    private static final Pattern DROP = Pattern.compile("(?is)^\\s*drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME);
    private static final Pattern RENAME = Pattern.compile("(?is)^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME
            + "\\s+rename\\s+to\\s+" + NAME);

    private ManagedTables() {
    }

    static List<String> of(List<SqlMigration> appliedInOrder) {
        TreeSet<String> tables = new TreeSet<>();
        for (SqlMigration m : appliedInOrder) {
            for (SqlStatement st : m.upStatements()) {
                String sql = withoutLeadingComments(st.sql());
                Matcher c = CREATE.matcher(sql);
                Matcher d = DROP.matcher(sql);
                Matcher r = RENAME.matcher(sql);
                if (c.find()) {
                    tables.add(last(c.group(1)));
                } else if (d.find()) {
                    tables.remove(last(d.group(1)));
                } else if (r.find()) {
                    if (tables.remove(last(r.group(1)))) {
                        tables.add(last(r.group(2)));
                    }
                }
            }
        }
        return List.copyOf(tables);
    }

    private static String withoutLeadingComments(String sql) {
        return sql.replaceFirst("^(\\s*--[^\\n]*\\n)+", "");
    }

    private static String last(String qualified) {
        return SqlNames.key(qualified);
    }
}
