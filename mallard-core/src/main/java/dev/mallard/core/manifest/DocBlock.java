package dev.mallard.core.manifest;

/** A {@code {% docs name %}} block. */
public record DocBlock(String uniqueId, String name, String packageName, String path, String originalFilePath,
                       String blockContents) {
}
