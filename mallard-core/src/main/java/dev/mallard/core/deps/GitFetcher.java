package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** Clones a git package with JGit and checks out its revision: a branch, a tag or a commit. */
final class GitFetcher {
    private GitFetcher() {
    }

    /** Clones {@code spec} into a new folder under {@code workDir}; the pinned spec names the commit. */
    static Fetched fetch(PackageSpec.Git spec, Path workDir) {
        Path clone;
        try {
            clone = Files.createTempDirectory(workDir, "git-");
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot create a folder in " + workDir + ": " + e.getMessage());
        }
        try (Git git = Git.cloneRepository().setURI(spec.url()).setDirectory(clone.toFile())
                .setCloneAllBranches(true).call()) {
            String sha = resolve(git.getRepository(), spec);
            // a throw-away clone: moving its branch to the commit is the simplest full checkout
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(sha).call();
            Path dir = spec.subdirectory() == null ? clone : clone.resolve(spec.subdirectory()).normalize();
            if (!dir.startsWith(clone) || !Files.isDirectory(dir)) {
                throw new MallardException(ErrorCode.PROJECT, "the git package " + spec.url() + " has no subdirectory '"
                        + spec.subdirectory() + "' at " + (spec.revision() == null ? "HEAD" : spec.revision()));
            }
            // the URL as written: the lock keeps env_var(...) templates rather than their secrets
            Object written = spec.raw().getOrDefault("git", spec.url());
            Map<String, Object> raw = spec.subdirectory() == null
                    ? Map.of("git", written, "revision", sha)
                    : Map.of("git", written, "revision", sha, "subdirectory", spec.subdirectory());
            PackageSpec.Git pinned = new PackageSpec.Git(spec.url(), sha, spec.subdirectory(), null, raw);
            return new Fetched(PackageProject.nameOf(dir, spec.describe()), dir, pinned, false);
        } catch (GitAPIException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot clone the git package " + spec.url() + ": "
                    + e.getMessage(), null, 0, "check the URL, and that git can reach it", null);
        }
    }

    private static String resolve(Repository repo, PackageSpec.Git spec) {
        String rev = spec.revision();
        try {
            if (rev == null) {
                ObjectId head = repo.resolve("refs/remotes/origin/HEAD");
                if (head == null) {
                    head = repo.resolve("HEAD");
                }
                if (head == null) {
                    throw notFound(spec, "HEAD");
                }
                return head.name();
            }
            for (String candidate : new String[] {"refs/remotes/origin/" + rev, "refs/tags/" + rev + "^{commit}", rev + "^{commit}"}) {
                ObjectId id = repo.resolve(candidate);
                if (id != null) {
                    try (RevWalk walk = new RevWalk(repo)) {
                        return walk.parseCommit(id).name();
                    }
                }
            }
            throw notFound(spec, rev);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot read the git package " + spec.url() + ": " + e.getMessage());
        }
    }

    private static MallardException notFound(PackageSpec.Git spec, String rev) {
        return new MallardException(ErrorCode.PROJECT, "the git package " + spec.url() + " has no branch, tag or commit '"
                + rev + "'", null, 0, "fix 'revision:' in the packages file", null);
    }
}
