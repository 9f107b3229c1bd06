package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns one YAML entry of a packages list into a {@link PackageSpec}, rejecting what dbt rejects. */
final class PackageEntries {
    private PackageEntries() {
    }

    @SuppressWarnings("unchecked")
    static PackageSpec parse(Object entry, String display, Path file) {
        if (!(entry instanceof Map<?, ?> m)) {
            throw new MallardException(ErrorCode.PROJECT, "each package must be a mapping such as "
                    + "'- package: dbt-labs/dbt_utils', got: " + entry, display, 0);
        }
        Map<String, Object> raw = (Map<String, Object>) m;
        String name = text(raw.get("name"));
        if (raw.get("local") != null) {
            return new PackageSpec.Local(text(raw.get("local")), name, raw);
        }
        if (raw.get("git") != null) {
            String url = text(raw.get("git"));
            Object revision = raw.get("revision");
            if (revision instanceof List<?> l) {
                throw error("a git package takes one 'revision', not a list", display, file, url);
            }
            return new PackageSpec.Git(url, text(revision), text(raw.get("subdirectory")), name, raw);
        }
        if (raw.get("tarball") != null) {
            String url = text(raw.get("tarball"));
            if (name == null) {
                throw error("the tarball package " + url + " needs a 'name:'", display, file, url);
            }
            return new PackageSpec.Tarball(url, name, raw);
        }
        if (raw.get("package") != null) {
            String pkg = text(raw.get("package"));
            Object v = raw.get("version");
            if (v == null) {
                throw error("the hub package " + pkg + " needs a 'version:'", display, file, pkg);
            }
            List<String> versions = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(x -> versions.add(text(x)));
            } else {
                versions.add(text(v));
            }
            try {
                VersionRange.parse(versions);
            } catch (IllegalArgumentException e) {
                throw error("the hub package " + pkg + " has a bad version: " + e.getMessage(), display, file, pkg);
            }
            return new PackageSpec.Hub(pkg, versions, Boolean.TRUE.equals(raw.get("install-prerelease"))
                    || Boolean.TRUE.equals(raw.get("install_prerelease")), name, raw);
        }
        throw error("a package entry needs one of 'package', 'git', 'local' or 'tarball': " + raw, display, file,
                raw.isEmpty() ? "packages:" : String.valueOf(raw.keySet().iterator().next()));
    }

    private static MallardException error(String message, String display, Path file, String needle) {
        return new MallardException(ErrorCode.PROJECT, message, display, file == null ? 0 : PackagesFile.lineOf(file, needle));
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
