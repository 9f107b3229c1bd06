package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mallard deps} as dbt deps: packages from local folders, git repositories and
 * tarballs made here for real, installed under their own names, pinned in package-lock.yml.
 */
class DepsIT {
    @TempDir
    Path tmp;

    private TestProject project() {
        return TestProject.in(tmp.resolve("proj")).dbtProject();
    }

    /** A dbt project folder named {@code name} holding one macro file. */
    private Path packageDir(Path dir, String name, String macro) throws IOException {
        Files.createDirectories(dir.resolve("macros"));
        Files.writeString(dir.resolve("dbt_project.yml"), "name: '" + name + "'\nversion: '1.0.0'\nconfig-version: 2\n");
        Files.writeString(dir.resolve("macros").resolve("m.sql"), "{% macro m() %}" + macro + "{% endmacro %}\n");
        return dir;
    }

    /** A git repository with one package committed on main as v1 (tagged v1.0), then v2 on main. */
    private Git repoWithTwoCommits(Path dir, String name) throws Exception {
        packageDir(dir, name, "v1");
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        git.commit().setMessage("v1").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        git.tag().setName("v1.0").call();
        commit(git, dir, "v2");
        return git;
    }

    private static String commit(Git git, Path dir, String macroBody) throws Exception {
        Files.writeString(dir.resolve("macros").resolve("m.sql"), "{% macro m() %}" + macroBody + "{% endmacro %}\n");
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(macroBody).setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com").call().getName();
    }

    private static String macroOf(TestProject p, String pkg) {
        return p.read("dbt_packages/" + pkg + "/macros/m.sql");
    }

    @Test
    void aLocalPackageIsLinkedUnderTheNameInItsOwnDbtProjectYml() throws Exception {
        packageDir(tmp.resolve("proj/local_pkgs/utils_folder"), "my_utils", "local");
        TestProject p = project().file("packages.yml", "packages:\n  - local: local_pkgs/utils_folder\n");

        p.runOk("deps").assertOutContains("Installed my_utils");

        Path installed = p.dir().resolve("dbt_packages/my_utils");
        assertTrue(Files.isSymbolicLink(installed), "dbt links local packages");
        assertEquals(p.dir().resolve("local_pkgs/utils_folder").toRealPath(), installed.toRealPath());
        assertEquals("packages:\n  - local: local_pkgs/utils_folder\n    name: my_utils\n"
                + "sha1_hash: " + sha1Of("local_pkgs/utils_folder") + "\n", p.read("package-lock.yml"));
    }

    private static String sha1Of(String localPath) throws Exception {
        String json = "{\"local\": \"" + localPath + "\", \"unrendered\": {\"local\": \"" + localPath + "\"}}";
        byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(json.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }

    @Test
    void aGitPackageAtABranchIsClonedAndPinnedToItsCommitInTheLock() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = repoWithTwoCommits(repo, "gitpkg")) {
            String head = git.getRepository().resolve("main").getName();
            TestProject p = project().file("packages.yml",
                    "packages:\n  - git: " + repo.toUri() + "\n    revision: main\n");

            p.runOk("deps");

            assertTrue(macroOf(p, "gitpkg").contains("v2"));
            assertFalse(Files.exists(p.dir().resolve("dbt_packages/gitpkg/.git")), "no .git in the install");
            assertTrue(p.read("package-lock.yml").contains("revision: " + head), p.read("package-lock.yml"));
        }
    }

    @Test
    void envVarAndVarRenderInPackagesYmlAndTheLockKeepsTheGitUrlAsWritten() throws Exception {
        Path repo = tmp.resolve("repo");
        repoWithTwoCommits(repo, "gitpkg").close();
        packageDir(tmp.resolve("proj/a"), "pkg_a", "a");
        String gitUrl = "{{ env_var('MALLARD_DEPS_IT_UNSET', '" + repo.toUri() + "') }}";
        TestProject p = project().file("packages.yml", "packages:\n  - git: \"" + gitUrl + "\"\n    revision: main\n"
                + "  - local: \"{{ var('pkg_folder') }}\"\n");

        p.runOk("deps", "--vars", "{pkg_folder: a}");

        assertTrue(macroOf(p, "gitpkg").contains("v2"));
        assertTrue(p.exists("dbt_packages/pkg_a"));
        String lock = p.read("package-lock.yml");
        assertTrue(lock.contains("{{ env_var(''MALLARD_DEPS_IT_UNSET''"), lock);
        assertTrue(lock.contains("local: a\n"), lock);
        p.runOk("deps", "--vars", "{pkg_folder: a}");
        assertEquals(lock, p.read("package-lock.yml"), "the lock is current");
    }

    @Test
    void aGitPackageAtATagOrACommitShaInstallsThatRevision() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = repoWithTwoCommits(repo, "gitpkg")) {
            String first = git.getRepository().resolve("main~1").getName();
            TestProject byTag = TestProject.in(tmp.resolve("a")).dbtProject()
                    .file("packages.yml", "packages:\n  - git: " + repo.toUri() + "\n    revision: v1.0\n");
            byTag.runOk("deps");
            assertTrue(macroOf(byTag, "gitpkg").contains("v1"));

            TestProject bySha = TestProject.in(tmp.resolve("b")).dbtProject()
                    .file("packages.yml", "packages:\n  - git: '" + repo + "'\n    revision: " + first + "\n");
            bySha.runOk("deps");
            assertTrue(macroOf(bySha, "gitpkg").contains("v1"));
        }
    }

    @Test
    void aGitPackageInASubdirectoryIsInstalledFromThatFolder() throws Exception {
        Path repo = tmp.resolve("mono");
        packageDir(repo.resolve("packages/inner"), "inner_pkg", "inner");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        TestProject p = project().file("packages.yml", "packages:\n  - git: " + repo.toUri()
                + "\n    revision: main\n    subdirectory: packages/inner\n");

        p.runOk("deps");

        assertTrue(macroOf(p, "inner_pkg").contains("inner"));
        assertTrue(p.read("package-lock.yml").contains("subdirectory: packages/inner"));
    }

    @Test
    void anUnknownGitRevisionIsAClearError() throws Exception {
        Path repo = tmp.resolve("repo");
        repoWithTwoCommits(repo, "gitpkg").close();
        TestProject p = project().file("packages.yml", "packages:\n  - git: " + repo.toUri() + "\n    revision: nope\n");

        p.run("deps").assertExit(2).assertErrContains("has no branch, tag or commit 'nope'").assertNoJavaInternals();
    }

    @Test
    void aTarballIsUnpackedFromItsTopLevelFolderUnderTheEntrysName() throws Exception {
        Path src = packageDir(tmp.resolve("src/tarpkg-1.0.0"), "tarpkg_project", "from tarball");
        Path archive = tmp.resolve("tarpkg-1.0.0.tar.gz");
        tarGz(src, archive);
        TestProject p = project().file("packages.yml", "packages:\n  - tarball: " + archive.toUri() + "\n    name: tarpkg\n");

        p.runOk("deps");

        assertTrue(macroOf(p, "tarpkg").contains("from tarball"));
        assertTrue(p.exists("dbt_packages/tarpkg/dbt_project.yml"));
        assertTrue(p.read("package-lock.yml").contains("name: tarpkg\n"));
    }

    @Test
    void aTarballWithoutOneTopLevelFolderIsRejectedAsInDbt() throws Exception {
        Path src = packageDir(tmp.resolve("flat"), "flat", "x");
        Path archive = tmp.resolve("flat.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String f : new String[] {"dbt_project.yml", "macros/m.sql"}) {
                tar.putArchiveEntry(new TarArchiveEntry(src.resolve(f).toFile(), f));
                Files.copy(src.resolve(f), tar);
                tar.closeArchiveEntry();
            }
        }
        TestProject p = project().file("packages.yml", "packages:\n  - tarball: " + archive + "\n    name: flat\n");

        p.run("deps").assertExit(2).assertErrContains("incorrect structure", "2 top-level entries").assertNoJavaInternals();
    }

    static void tarGz(Path folder, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            try (var paths = Files.walk(folder)) {
                for (Path f : paths.sorted().toList()) {
                    String name = folder.getParent().relativize(f).toString().replace('\\', '/');
                    TarArchiveEntry e = new TarArchiveEntry(f.toFile(), Files.isDirectory(f) ? name + "/" : name);
                    tar.putArchiveEntry(e);
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        }
    }

    @Test
    void packagesOfPackagesAreInstalledTooWithLocalPathsFromThePackageWhereTheRootHasNone() throws Exception {
        Path repo = tmp.resolve("repo");
        repoWithTwoCommits(repo, "gitpkg").close();
        Path outer = packageDir(tmp.resolve("libs/outer"), "outer", "outer");
        packageDir(tmp.resolve("libs/sibling"), "sibling", "sibling");
        Files.writeString(outer.resolve("dependencies.yml"), "packages:\n  - local: ../sibling\n  - git: "
                + repo.toUri() + "\n    revision: v1.0\n");
        TestProject p = project().file("packages.yml", "packages:\n  - local: ../libs/outer\n");

        p.runOk("deps");

        assertTrue(p.exists("dbt_packages/outer/dbt_project.yml"));
        assertTrue(p.exists("dbt_packages/sibling/dbt_project.yml"));
        assertTrue(macroOf(p, "gitpkg").contains("v1"));
        String lock = p.read("package-lock.yml");
        assertTrue(lock.contains("name: outer") && lock.contains("name: sibling") && lock.contains("name: gitpkg"), lock);
        assertTrue(lock.contains("local: ../libs/sibling"), lock);
    }

    @Test
    void aPackagesLocalPathIsTakenFromTheRootProjectFirstAsDbtDoes() throws Exception {
        Path outer = packageDir(tmp.resolve("proj/libs/outer"), "outer", "outer");
        packageDir(tmp.resolve("proj/libs/sib"), "sib_beside_the_package", "x");
        packageDir(tmp.resolve("sib"), "sib_beside_the_project", "x");
        Files.writeString(outer.resolve("packages.yml"), "packages:\n  - local: ../sib\n");
        TestProject p = project().file("packages.yml", "packages:\n  - local: libs/outer\n");

        p.runOk("deps");

        assertTrue(p.exists("dbt_packages/sib_beside_the_project"));
        assertFalse(p.exists("dbt_packages/sib_beside_the_package"));
    }

    @Test
    void twoGitEntriesForOneRepositoryAtDifferentRevisionsConflict() throws Exception {
        Path repo = tmp.resolve("repo");
        repoWithTwoCommits(repo, "gitpkg").close();
        Path outer = packageDir(tmp.resolve("libs/outer"), "outer", "outer");
        Files.writeString(outer.resolve("packages.yml"), "packages:\n  - git: " + repo.toUri() + "\n    revision: v1.0\n");
        TestProject p = project().file("packages.yml", "packages:\n  - git: " + repo.toUri()
                + "\n    revision: main\n  - local: ../libs/outer\n");

        p.run("deps").assertExit(2).assertErrContains("conflicting git revisions", "@ main", "@ v1.0", "package outer");
    }

    @Test
    void theLockIsHonouredUntilUpgradeResolvesAgain() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = repoWithTwoCommits(repo, "gitpkg")) {
            TestProject p = project().file("packages.yml", "packages:\n  - git: " + repo.toUri() + "\n    revision: main\n");
            p.runOk("deps");
            String lock = p.read("package-lock.yml");
            commit(git, repo, "v3");

            p.runOk("deps");
            assertTrue(macroOf(p, "gitpkg").contains("v2"), "the lock pins the commit deps first saw");
            assertEquals(lock, p.read("package-lock.yml"));

            p.runOk("deps", "--upgrade");
            assertTrue(macroOf(p, "gitpkg").contains("v3"));
            assertFalse(lock.equals(p.read("package-lock.yml")));
        }
    }

    @Test
    void changingPackagesYmlResolvesAgainAndReinstallsCleanly() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a", "a");
        packageDir(tmp.resolve("proj/b"), "pkg_b", "b");
        TestProject p = project().file("packages.yml", "packages:\n  - local: a\n");
        p.runOk("deps");
        p.file("packages.yml", "packages:\n  - local: b\n");

        p.runOk("deps");

        assertFalse(p.exists("dbt_packages/pkg_a"), "deps replaces what was installed");
        assertTrue(p.exists("dbt_packages/pkg_b"));
        assertTrue(p.read("package-lock.yml").contains("name: pkg_b"));
    }

    @Test
    void lockWritesTheLockFileWithoutInstalling() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a", "a");
        TestProject p = project().file("packages.yml", "packages:\n  - local: a\n");

        p.runOk("deps", "--lock");

        assertTrue(p.read("package-lock.yml").contains("name: pkg_a"));
        assertFalse(p.exists("dbt_packages"));
    }

    @Test
    void addPackageWritesTheEntryToPackagesYmlAndInstallsIt() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a", "a");
        TestProject p = project();

        p.runOk("deps", "--add-package", "a", "--source", "local");

        assertEquals("packages:\n  - local: a\n", p.read("packages.yml"));
        assertTrue(p.exists("dbt_packages/pkg_a/dbt_project.yml"));
    }

    @Test
    void addPackageFromTheHubWritesPackageAndVersionRanges() throws Exception {
        TestProject p = project();
        System.setProperty("mallard.hub.url", "http://127.0.0.1:" + closedPort() + "/api/v1/");
        try {
            p.run("deps", "--add-package", "dbt-labs/dbt_utils@>=1.0.0,<2.0.0").assertExit(2);
        } finally {
            System.clearProperty("mallard.hub.url");
        }
        assertEquals("packages:\n  - package: dbt-labs/dbt_utils\n    version:\n      - '>=1.0.0'\n      - <2.0.0\n",
                p.read("packages.yml"));
    }

    @Test
    void aHubPackageWithoutNetworkFailsFastNamingThePackage() throws Exception {
        TestProject p = project().file("packages.yml",
                "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");
        System.setProperty("mallard.hub.url", "http://127.0.0.1:" + closedPort() + "/api/v1/");
        long start = System.nanoTime();
        CommandResult r;
        try {
            r = p.run("deps");
        } finally {
            System.clearProperty("mallard.hub.url");
        }
        r.assertExit(2).assertErrContains("could not reach the dbt package hub", "dbt-labs/dbt_utils", "git")
                .assertNoJavaInternals();
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the offline error comes in seconds");
        assertFalse(p.exists("package-lock.yml"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void packagesYmlAndDependenciesYmlCannotBothListPackages() throws Exception {
        TestProject p = project().file("packages.yml", "packages:\n  - local: a\n")
                .file("dependencies.yml", "\npackages:\n  - local: b\n");

        p.run("deps").assertExit(2).assertErrContains("both packages.yml and dependencies.yml", "dependencies.yml:2");
    }

    @Test
    void dependenciesYmlAloneIsReadAndTheInstallPathIsConfigurable() throws Exception {
        packageDir(tmp.resolve("proj/a"), "pkg_a", "a");
        TestProject p = TestProject.in(tmp.resolve("proj")).dbtProject("packages-install-path: vendor\n")
                .file("dependencies.yml", "packages:\n  - local: a\n");

        p.runOk("deps");

        assertTrue(p.exists("vendor/pkg_a/dbt_project.yml"));
        p.runOk("parse");
    }
}
