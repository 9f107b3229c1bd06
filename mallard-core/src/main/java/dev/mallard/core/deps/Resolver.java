package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.ValueRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches the packages a project asks for and, transitively, the packages those ask for
 * (a package's local paths are taken from the root project, as dbt does, or else from the
 * package's own folder). Hub version ranges for one
 * package intersect; two git entries for one repository at different revisions, or two
 * sources giving the same package name, are conflicts.
 */
public final class Resolver {
    private record Request(PackageSpec spec, Path baseDir, String requiredBy) {
    }

    private record HubWant(PackageSpec.Hub first, VersionRange range, List<String> asks, boolean prerelease) {
    }

    private final Path projectDir;
    private final Path workDir;
    private final HubClient hub;
    private final ValueRenderer renderer;
    private final Map<String, Fetched> byName = new LinkedHashMap<>();
    private final Map<String, String> sourceOfName = new LinkedHashMap<>();
    private final Map<String, Request> gitByUrl = new LinkedHashMap<>();
    private final Map<String, HubWant> hubWants = new LinkedHashMap<>();
    private final Map<String, VersionRange> hubResolved = new LinkedHashMap<>();
    private final Deque<Request> queue = new ArrayDeque<>();

    /** {@code workDir} receives clones and unpacked archives; the caller deletes it. */
    public Resolver(Path projectDir, Path workDir, HubClient hub, ValueRenderer renderer) {
        this.renderer = renderer;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.workDir = workDir.toAbsolutePath().normalize();
        this.hub = hub;
    }

    /** Every package needed by {@code roots}, each pinned, in the order first met. */
    public List<Fetched> resolve(List<PackageSpec> roots, String rootFile) {
        roots.forEach(s -> queue.add(new Request(s, projectDir, rootFile)));
        do {
            while (!queue.isEmpty()) {
                Request r = queue.poll();
                if (r.spec() instanceof PackageSpec.Hub h) {
                    wantFromHub(h, r);
                } else if (r.spec() instanceof PackageSpec.Git g) {
                    Request seen = gitByUrl.putIfAbsent(g.url(), r);
                    if (seen == null) {
                        add(fetchOne(g, r.baseDir()), r);
                    } else if (!sameCheckout((PackageSpec.Git) seen.spec(), g)) {
                        throw new MallardException(ErrorCode.PROJECT, "conflicting git revisions for " + g.url() + ": "
                                + seen.spec().describe() + " (from " + seen.requiredBy() + ") and " + g.describe()
                                + " (from " + r.requiredBy() + ")", null, 0,
                                "ask for the same revision in both places", null);
                    }
                } else {
                    add(fetchOne(r.spec(), r.baseDir()), r);
                }
            }
            resolvePendingHubPackages();
        } while (!queue.isEmpty());
        return List.copyOf(byName.values());
    }

    /** Fetches exactly the pinned entries of a lock file, without looking at their own dependencies. */
    public List<Fetched> fetchLocked(List<PackageSpec> locked) {
        List<Fetched> out = new ArrayList<>();
        for (PackageSpec spec : locked) {
            out.add(fetchOne(spec, projectDir));
        }
        return out;
    }

    private void wantFromHub(PackageSpec.Hub h, Request r) {
        VersionRange range = VersionRange.parse(h.versions());
        HubWant want = hubWants.get(h.pkg());
        List<String> asks = new ArrayList<>(want == null ? List.of() : want.asks());
        asks.add(h.versions() + " (from " + r.requiredBy() + ")");
        VersionRange merged = want == null ? range : want.range().intersect(range);
        if (merged.isEmpty()) {
            throw new MallardException(ErrorCode.PROJECT, "no version of " + h.pkg() + " satisfies every request: "
                    + String.join(", ", asks), null, 0, "widen the version ranges so that they overlap", null);
        }
        hubWants.put(h.pkg(), new HubWant(want == null ? h : want.first(), merged, asks,
                (want != null && want.prerelease()) || h.prerelease()));
    }

    private void resolvePendingHubPackages() {
        for (Map.Entry<String, HubWant> e : hubWants.entrySet()) {
            HubWant want = e.getValue();
            if (want.range().equals(hubResolved.get(e.getKey()))) {
                continue;
            }
            HubClient.Release release = hub.latest(e.getKey(), want.range(), want.prerelease());
            hubResolved.put(e.getKey(), want.range());
            String version = release.version().toString();
            Path dir = TarballFetcher.fetch(release.tarballUrl(), projectDir, workDir, "hub package " + e.getKey());
            String name = PackageProject.nameOf(dir, "hub package " + e.getKey());
            PackageSpec.Hub pinned = new PackageSpec.Hub(e.getKey(), List.of(version), false, null,
                    Map.of("package", e.getKey(), "version", version));
            byName.remove(name);
            sourceOfName.remove(name);
            add(new Fetched(name, dir, pinned, false), new Request(want.first(), projectDir, "the hub"));
        }
    }

    private void add(Fetched f, Request r) {
        String source = f.pinned().describe();
        String earlier = sourceOfName.putIfAbsent(f.name(), source);
        if (earlier != null) {
            if (earlier.equals(source)) {
                return; // the same package asked for twice
            }
            throw new MallardException(ErrorCode.PROJECT, "two packages are named '" + f.name() + "': " + earlier
                    + " and " + source + " (from " + r.requiredBy() + ")", null, 0,
                    "list each package once", null);
        }
        byName.put(f.name(), f);
        PackagesFile own = PackagesFile.read(f.dir(), projectDir, renderer);
        String from = "package " + f.name();
        own.packages().forEach(s -> queue.add(new Request(s, f.dir(), from)));
    }

    private static boolean sameCheckout(PackageSpec.Git a, PackageSpec.Git b) {
        return Objects.equals(a.revision(), b.revision()) && Objects.equals(a.subdirectory(), b.subdirectory());
    }

    private Fetched fetchOne(PackageSpec spec, Path baseDir) {
        if (spec instanceof PackageSpec.Local l) {
            // dbt resolves every local path against the root project, even a package's own;
            // where that finds no project, the package's folder is the sensible base
            Path dir = projectDir.resolve(l.path()).normalize();
            if (!Files.isRegularFile(dir.resolve("dbt_project.yml"))) {
                dir = baseDir.resolve(l.path()).toAbsolutePath().normalize();
            }
            String name = PackageProject.nameOf(dir, l.describe());
            String relative = dir.getRoot().equals(projectDir.getRoot())
                    ? projectDir.relativize(dir).toString().replace('\\', '/') : dir.toString();
            return new Fetched(name, dir, new PackageSpec.Local(relative, null, Map.of("local", relative)), true);
        }
        if (spec instanceof PackageSpec.Git g) {
            return GitFetcher.fetch(g, workDir);
        }
        if (spec instanceof PackageSpec.Tarball t) {
            Path dir = TarballFetcher.fetch(t.url(), baseDir, workDir, t.describe());
            PackageProject.nameOf(dir, t.describe()); // it must be a dbt project
            // dbt installs a tarball under the entry's name:, not its dbt_project.yml's
            return new Fetched(t.name(), dir, t, false);
        }
        PackageSpec.Hub h = (PackageSpec.Hub) spec;
        HubClient.Release release = hub.latest(h.pkg(), VersionRange.parse(h.versions()), h.prerelease());
        Path dir = TarballFetcher.fetch(release.tarballUrl(), baseDir, workDir, h.describe());
        return new Fetched(PackageProject.nameOf(dir, h.describe()), dir, h, false);
    }
}
