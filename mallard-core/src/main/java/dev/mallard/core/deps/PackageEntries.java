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
    static PackageSpec parse(Object entry, Object unrendered, String display, Path file) {
        if (!(entry instanceof Map<?, ?> m)) {
            throw new MallardException(ErrorCode.PROJECT, "each package must be a mapping such as "
                    + "'- package: dbt-labs/dbt_utils', got: " + entry, display, 0);
        }
        Map<String, Object> raw = unrendered instanceof Map<?, ?> u ? (Map<String, Object>) u : (Map<String, Object>) m;
        Map<String, Object> v = (Map<String, Object>) m;
        String name = text(v.get("name"));
        if (v.get("local") != null) {
            return new PackageSpec.Local(text(v.get("local")), name, raw);
        }
        if (v.get("git") != null) {
            String url = text(v.get("git"));
            Object revision = v.get("revision");
            if (revision instanceof List<?> l) {
                throw error("a git package takes one 'revision', not a list", display, file, url);
            }
            return new PackageSpec.Git(url, text(revision), text(v.get("subdirectory")), name, raw);
        }
        if (v.get("tarball") != null) {
            String url = text(v.get("tarball"));
            if (name == null) {
                throw error("the tarball package " + url + " needs a 'name:'", display, file, url);
            }
            return new PackageSpec.Tarball(url, name, raw);
        }
        if (v.get("package") != null) {
            String pkg = text(v.get("package"));
            Object version = v.get("version");
            if (v == null) {
                throw error("the hub package " + pkg + " needs a 'version:'", display, file, pkg);
            }
            List<String> versions = new ArrayList<>();
            if (version instanceof List<?> l) {
                l.forEach(x -> versions.add(text(x)));
            } else {
                versions.add(text(version));
            }
            try {
                VersionRange.parse(versions);
            } catch (IllegalArgumentException e) {
                throw error("the hub package " + pkg + " has a bad version: " + e.getMessage(), display, file, pkg);
            }
            return new PackageSpec.Hub(pkg, versions, Boolean.TRUE.equals(v.get("install-prerelease"))
                    || Boolean.TRUE.equals(v.get("install_prerelease")), name, raw);
        }
        throw error("a package entry needs one of 'package', 'git', 'local' or 'tarball': " + v, display, file,
                v.isEmpty() ? "packages:" : String.valueOf(v.keySet().iterator().next()));
    }

    private static MallardException error(String message, String display, Path file, String needle) {
        return new MallardException(ErrorCode.PROJECT, message, display, file == null ? 0 : PackagesFile.lineOf(file, needle));
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
