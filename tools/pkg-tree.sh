#!/usr/bin/env bash
# The static checkers (mypy, import-linter) read packages from folders, not through the installer's
# mapping of ground/ loaders/ graph/ queries/ shell/ into pftz.<folder>: this lays build/pkg/pftz
# as links to the real folders, the package as it is installed. Idempotent; build/ is ignored by git.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/pkg/pftz
for f in pftz/*; do ln -sfn "../../../$f" "build/pkg/$f"; done
for k in ground loaders graph queries shell; do ln -sfn "../../../$k" "build/pkg/pftz/$k"; done
