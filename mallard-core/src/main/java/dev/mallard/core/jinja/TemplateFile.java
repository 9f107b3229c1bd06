package dev.mallard.core.jinja;

/** A template's text with the project-relative path that errors should name. */
public record TemplateFile(String path, String text) {
}
