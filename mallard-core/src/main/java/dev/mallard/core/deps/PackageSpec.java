package dev.mallard.core.deps;

import dev.mallard.core.common.Frozen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code packages:} in packages.yml, dependencies.yml or package-lock.yml.
 * {@link #raw()} is the entry as written (dbt hashes it); {@link #name()} is the package's
 * project name where the entry states it (a lock file always does).
 */
public sealed interface PackageSpec {
    Map<String, Object> raw();

    /** The installed package's name when known from the entry itself, else null. */
    String name();

    /** "local", "git", "tarball" or "hub", as dbt's {@code --source} names them. */
    String source();

    /** What the user reads in messages: {@code git https://... @ v1.0}. */
    String describe();

    /**
     * The entry with dbt's defaults filled in, as {@code dbt deps} hashes it into
     * {@code sha1_hash} (so a lock written by dbt is honoured by Mallard and back).
     */
    Map<String, Object> hashForm();

    /** The lock-file entry for the package as installed, with its project name. */
    Map<String, Object> lockEntry(String projectName);

    record Local(String path, String name, Map<String, Object> raw) implements PackageSpec {
        public Local {
            raw = Frozen.map(raw);
        }

        public String source() {
            return "local";
        }

        public String describe() {
            return "local " + path;
        }

        public Map<String, Object> hashForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("local", path);
            m.put("unrendered", raw);
            return m;
        }

        public Map<String, Object> lockEntry(String projectName) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("local", path);
            m.put("name", projectName);
            return m;
        }
    }

    record Git(String url, String revision, String subdirectory, String name, Map<String, Object> raw)
            implements PackageSpec {
        public Git {
            raw = Frozen.map(raw);
        }

        public String source() {
            return "git";
        }

        public String describe() {
            return "git " + url + (revision == null ? "" : " @ " + revision)
                    + (subdirectory == null ? "" : " (subdirectory " + subdirectory + ")");
        }

        public Map<String, Object> hashForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("git", url);
            m.put("revision", revision);
            m.put("warn-unpinned", raw.get("warn-unpinned"));
            m.put("subdirectory", subdirectory);
            m.put("unrendered", raw);
            if (name != null) {
                m.put("name", name);
            }
            return m;
        }

        public Map<String, Object> lockEntry(String projectName) {
            Map<String, Object> m = new LinkedHashMap<>();
            Object written = raw.get("git");
            m.put("git", written == null ? url : String.valueOf(written));
            m.put("revision", revision);
            if (subdirectory != null) {
                m.put("subdirectory", subdirectory);
            }
            m.put("name", projectName);
            return m;
        }
    }

    record Tarball(String url, String name, Map<String, Object> raw) implements PackageSpec {
        public Tarball {
            raw = Frozen.map(raw);
        }

        public String source() {
            return "tarball";
        }

        public String describe() {
            return "tarball " + url;
        }

        public Map<String, Object> hashForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tarball", url);
            m.put("name", name);
            m.put("unrendered", raw);
            return m;
        }

        public Map<String, Object> lockEntry(String projectName) {
            Map<String, Object> m = new LinkedHashMap<>();
            Object written = raw.get("tarball");
            m.put("tarball", written == null ? url : String.valueOf(written));
            m.put("name", projectName);
            return m;
        }
    }

    /** {@code package: org/name} from the dbt package hub, with version specifiers. */
    record Hub(String pkg, List<String> versions, boolean prerelease, String name, Map<String, Object> raw)
            implements PackageSpec {
        public Hub {
            versions = List.copyOf(versions);
            raw = Frozen.map(raw);
        }

        public String source() {
            return "hub";
        }

        public String describe() {
            return "hub package " + pkg + " " + versions;
        }

        public Map<String, Object> hashForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("package", pkg);
            Object v = raw.get("version");
            m.put("version", v instanceof List<?> ? versions : (versions.isEmpty() ? null : versions.get(0)));
            m.put("install_prerelease", prerelease);
            m.put("unrendered", raw);
            return m;
        }

        public Map<String, Object> lockEntry(String projectName) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("package", pkg);
            m.put("version", versions.size() == 1 ? versions.get(0) : versions);
            m.put("name", projectName);
            return m;
        }
    }
}
