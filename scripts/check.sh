#!/usr/bin/env bash
# Every check CI runs, in order; run it before pushing. `.ci/run` calls it after installing
# what a fresh machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== layering: the model, the UI state and the park brief know nothing of egui"
if grep -rnE '\b(egui|eframe|egui_plot|egui_extras)::|use (egui|eframe)' src/model src/state src/brief; then
  echo "src/model, src/state and src/brief must not use egui" >&2
  exit 1
fi

echo "== layering: the command line, the model and the UI state never use the window (src/app)"
if grep -rnE 'crate::app\b|super::super::app\b' src/cli.rs src/model src/state src/brief; then
  echo "src/cli.rs, src/model, src/state and src/brief must not name crate::app" >&2
  exit 1
fi

echo "== layering: main → app → views → state → model, never backwards"
if grep -rnE 'crate::app\b' src/views; then
  echo "src/views must not name crate::app" >&2
  exit 1
fi
if grep -rnE 'crate::(views|theme)\b' src/state src/cli.rs src/brief; then
  echo "src/state, src/cli.rs and src/brief must not name crate::views or crate::theme" >&2
  exit 1
fi
if grep -rnE 'crate::(state|views|theme|i18n|cli)\b' src/model; then
  echo "src/model must not name the layers above it" >&2
  exit 1
fi

echo "== every action and command is handled: no catch-all arm in either match"
if grep -nE '^\s*_\s*(if .*)?=>' src/state/action.rs src/app/commands.rs; then
  echo "AppState::apply (src/state/action.rs) and ParkApp::run (src/app/commands.rs) match exhaustively" >&2
  exit 1
fi

echo "== packaging files: the desktop entry, the AppStream metadata, the MIME type"
# The light part of the package check; scripts/deb-check.sh builds, installs and removes the .deb.
for tool in desktop-file-validate appstreamcli update-mime-database; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: apt-get install desktop-file-utils appstream shared-mime-info (.ci/run does)" >&2
    exit 1
  fi
done
desktop-file-validate assets/zgc-atlas.desktop
appstreamcli validate --no-net assets/io.github.zgc_atlas.zgc_atlas.metainfo.xml
# update-mime-database exits 0 even on a broken file, so its output is checked instead.
mime_root=$(mktemp -d)
mkdir -p "$mime_root/mime/packages"
cp assets/zgc-atlas-mime.xml "$mime_root/mime/packages/zgc-atlas.xml"
mime_errors=$(XDG_DATA_DIRS=$mime_root update-mime-database "$mime_root/mime" 2>&1)
mime_globs=$(cat "$mime_root/mime/globs2")
rm -rf "$mime_root"
if [[ -n $mime_errors ]] || ! grep -q ':application/x-zgc-atlas-dataset:\*\.ron$' <<<"$mime_globs"; then
  echo "assets/zgc-atlas-mime.xml does not define application/x-zgc-atlas-dataset for *.ron: $mime_errors" >&2
  exit 1
fi

echo "== one egui in the dependency tree"
# Run apart from the grep, so a failing `cargo tree` fails the check instead of passing it.
duplicated_crates=$(cargo tree -d --edges normal,dev)
if grep -E '^egui v' <<<"$duplicated_crates"; then
  echo "two versions of egui are in the tree (cargo tree -d)" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --all-features -- -D warnings

echo "== cargo test"
cargo test

echo "== pixel snapshots (Mesa llvmpipe through GL)"
WGPU_BACKEND=gl cargo test --features snapshots --test snapshots

echo "== cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
