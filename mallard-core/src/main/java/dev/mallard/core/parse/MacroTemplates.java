package dev.mallard.core.parse;

import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.jinja.TemplateFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import dev.mallard.core.jinja.JinjaEngine;

/**
 * Every macro file a project's parse sees, in dbt's order of precedence (dbt's built-in
 * macros, then the packages', then the project's own, which win), with the package each
 * file belongs to. Generic test definitions ({@code tests/generic}) count as macro files.
 */
record MacroTemplates(List<TemplateFile> templates, Map<String, String> packageOfFile) {

    static MacroTemplates of(Project project) {
        List<TemplateFile> templates = new ArrayList<>(BuiltinMacros.templates(project.target().type()));
        Map<String, String> packageOfFile = new HashMap<>();
        for (Project p : project.packages()) {
            for (TemplateFile t : PackageMacros.files(p, project.dir())) {
                templates.add(t);
                packageOfFile.put(t.path(), p.name());
            }
        }
        List<SourceFile> own = new ArrayList<>(project.macroFiles());
        project.testFiles().stream().filter(TestCollector::isGeneric).forEach(own::add);
        for (SourceFile f : own) {
            templates.add(new TemplateFile(f.relativeToProject(), Parser.read(f)));
            packageOfFile.put(f.relativeToProject(), project.name());
        }
        return new MacroTemplates(templates, packageOfFile);
    }

    /** The package a macro file belongs to: {@code dbt} for the built-in ones, else {@code orElse} when unknown. */
    String packageOf(String file, String orElse) {
        return BuiltinMacros.isBuiltin(file) ? "dbt" : packageOfFile.getOrDefault(file, orElse);
    }

    /** The engine holding every macro, with {@code templates} parsed (their syntax checked) up front. */
    JinjaEngine engine(Project project, List<TemplateFile> templates) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(project.name());
        project.packages().forEach(p -> namespaces.add(p.name()));
        return JinjaEngine.forProject(templates(), templates, new dev.mallard.core.jinja.JinjaPackages(project.name(),
                namespaces, file -> packageOf(file, null), project.config().dispatch(),
                flags(project),
                project.target().type(), project.config().quoting()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flags(Project project) {
        return project.config().raw().get("flags") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    }
}
