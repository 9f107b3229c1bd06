#!/usr/bin/env bash
# Setup of the conformance harness (conformance.json "setup"): runs in the empty folder
# $CONFORMANCE_FIXTURES with the project's source folder as $1, before `deps` of both tools.
#   git_repo/        a git repository: package_sources/git_repo committed and tagged v1.0,
#                    then package_sources/git_repo_v2 committed on top (so revision matters)
#   pkg_tar.tar.gz   package_sources/tar_pkg/pkg_tar as one top-level folder
set -euo pipefail
src="$1/package_sources"
git_() { git -c user.name=conformance -c user.email=conformance@example.invalid \
             -c init.defaultBranch=main -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
cp -r "$src/git_repo" git_repo
cd git_repo
git_ init -q .
git_ add -A
git_ commit -q -m "v1.0"
git_ tag v1.0
cp -r "$src/git_repo_v2/." .
git_ add -A
git_ commit -q -m "after v1.0"
cd ..
tar -C "$src/tar_pkg" -czf pkg_tar.tar.gz pkg_tar
