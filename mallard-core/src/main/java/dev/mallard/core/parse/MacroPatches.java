package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.manifest.DocBlock;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@code macros:} entries of properties files, applied to the macros they describe as
 * dbt-core 1.11 does: an entry of a project's (or package's) file describes that package's
 * macro of its name, giving its description (doc() rendered), meta and docs (top-level, then
 * under {@code config:}), arguments and {@code patch_path}. dbt warns about an entry for no
 * macro and refuses a macro described twice.
 */
final class MacroPatches {
    private MacroPatches() {
    }

    /**
     * {@code macros} with every unit's {@code macros:} entries applied, in the same order.
     *
     * @param documents a properties file's document, read relative to its unit's directory
     */
    static Map<String, MacroInfo> apply(Map<String, MacroInfo> macros, List<Project> units,
                                        Map<String, DocBlock> docs,
                                        BiFunction<SourceFile, Path, YamlFiles.Document> documents,
                                        Warnings warnings) {
        Map<String, MacroInfo> out = new LinkedHashMap<>(macros);
        Map<String, String> describedIn = new LinkedHashMap<>();
        for (Project unit : units) {
            for (SourceFile f : unit.propertyFiles()) {
                Object entries = documents.apply(f, unit.dir()).values().get("macros");
                if (!(entries instanceof List<?> list)) {
                    continue; // absent; a value that is no list is reported by the properties reader
                }
                String file = f.relativeToProject();
                for (Object o : list) {
                    if (!(o instanceof Map<?, ?> entry) || entry.get("name") == null) {
                        throw new MallardException(ErrorCode.YAML, "The schema file at " + file + " is invalid because"
                                + " a list element for 'macros' does not have a name attribute.", file, 0);
                    }
                    String name = String.valueOf(entry.get("name"));
                    String id = "macro." + unit.name() + "." + name;
                    MacroInfo macro = out.get(id);
                    if (macro == null) {
                        warnings.add("[WARNING]: Found patch for macro \"" + name + "\" which was not found");
                        continue;
                    }
                    String earlier = describedIn.putIfAbsent(id, file);
                    if (earlier != null) {
                        throw new MallardException(ErrorCode.DUPLICATE_NODE, "dbt found two schema.yml entries for"
                                + " the same macro in package " + unit.name() + " named " + name + ". Macros may"
                                + " only be described a single time. To fix this, remove the macros entry for " + name
                                + " in one of these files:\n - " + file + "\n - " + earlier, file, 0);
                    }
                    out.put(id, macro.withPatch(patch(entry, unit.name(), file, docs)));
                }
            }
        }
        return out;
    }

    private static MacroInfo.Patch patch(Map<?, ?> entry, String pkg, String file, Map<String, DocBlock> docs) {
        Map<?, ?> config = entry.get("config") instanceof Map<?, ?> c ? c : Map.of();
        Map<String, Object> meta = new LinkedHashMap<>();
        putAll(meta, entry.get("meta"));
        putAll(meta, config.get("meta"));
        Map<String, Object> docsConfig = new LinkedHashMap<>();
        putAll(docsConfig, entry.get("docs"));
        putAll(docsConfig, config.get("docs"));
        Object show = docsConfig.get("show");
        Object color = docsConfig.get("node_color");
        List<MacroInfo.Argument> arguments = new ArrayList<>();
        if (entry.get("arguments") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> a && a.get("name") != null) {
                    Object type = a.get("type");
                    arguments.add(new MacroInfo.Argument(String.valueOf(a.get("name")),
                            type == null ? null : String.valueOf(type), description(a.get("description"), docs, pkg,
                            file)));
                }
            }
        }
        return new MacroInfo.Patch(description(entry.get("description"), docs, pkg, file), meta,
                !Boolean.FALSE.equals(show), color == null ? null : String.valueOf(color), arguments,
                pkg + "://" + file);
    }

    private static String description(Object d, Map<String, DocBlock> docs, String pkg, String file) {
        return d == null ? "" : DocsReader.resolve(String.valueOf(d), docs, pkg, file);
    }

    private static void putAll(Map<String, Object> into, Object value) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> into.put(String.valueOf(k), v));
        }
    }
}
