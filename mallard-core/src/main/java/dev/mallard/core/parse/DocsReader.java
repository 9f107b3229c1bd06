package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.project.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code {% docs name %}...{% enddocs %}} blocks and resolves {@code doc('name')} in descriptions. */
final class DocsReader {
    private static final Pattern BLOCK = Pattern.compile(
            "\\{%-?\\s*docs\\s+([A-Za-z_][\\w]*)\\s*-?%}(.*?)\\{%-?\\s*enddocs\\s*-?%}", Pattern.DOTALL);
    private static final Pattern DOC_CALL = Pattern.compile(
            "\\{\\{\\s*doc\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)\\s*}}");

    private DocsReader() {
    }

    static Map<String, DocBlock> read(List<SourceFile> files, String packageName) {
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (SourceFile f : files) {
            String text;
            try {
                text = Files.readString(f.absolute());
            } catch (IOException e) {
                throw new MallardException(ErrorCode.PROJECT, "cannot read " + f.relativeToProject());
            }
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                String id = "doc." + packageName + "." + name;
                if (docs.containsKey(id)) {
                    throw new MallardException(ErrorCode.DUPLICATE_NODE, "docs block '" + name + "' is defined twice (also in "
                            + docs.get(id).originalFilePath() + ")", f.relativeToProject(), lineOf(text, m.start()));
                }
                docs.put(id, new DocBlock(id, name, packageName, f.relativeToRoot(), f.relativeToProject(),
                        m.group(2).strip()));
            }
        }
        return docs;
    }

    /** Replaces {@code {{ doc('x') }}} in a description with the block's text. */
    static String resolve(String description, Map<String, DocBlock> docs, String packageName, String file) {
        if (description == null || !description.contains("doc(")) {
            return description;
        }
        Matcher m = DOC_CALL.matcher(description);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String pkg = m.group(2) == null ? packageName : m.group(1);
            String name = m.group(2) == null ? m.group(1) : m.group(2);
            DocBlock block = docs.get("doc." + pkg + "." + name);
            if (block == null) {
                throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, "documentation '" + name + "' was not found", file, 0,
                        "define it in a .md file with {% docs " + name + " %}...{% enddocs %}", null);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(block.blockContents()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
