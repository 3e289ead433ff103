#!/usr/bin/env bash
# Every check CI runs, in order; run it before pushing. `.ci/run` calls it after installing
# what a fresh machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== layering: the model and the UI state know nothing of egui"
if grep -rnE '\b(egui|eframe|egui_plot|egui_extras)::|use (egui|eframe)' src/model src/state; then
  echo "src/model and src/state must not use egui" >&2
  exit 1
fi

echo "== one egui in the dependency tree"
if cargo tree -d --edges normal,dev 2>/dev/null | grep -E '^egui v'; then
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
