#!/usr/bin/env bash
# Start-up time (issue #17): process start → first frame shown, for the app and for a bare
# eframe window with the same window options (examples/bare_window.rs), RUNS runs each (10 by
# default), alternately, under one Xvfb. Prints each run, the medians and the ratio app/bare.
#
# Both programs print one line when ZGC_ATLAS_REPORT_FIRST_FRAME=1 (src/startup.rs) and close:
#   first_frame_ms  from the first statement of `main` to the start of the second frame (the first
#                   painted and the window shown);
#   unix_ns         the wall clock at that moment, from which this script counts "spawn → shown"
#                   from just before it starts the process (fork, exec, dynamic linking included).
# Each program runs once first, uncounted (page cache, saved window state).
# Needs Xvfb. Set CARGO_TARGET_DIR as for any cargo command; BIN_DIR keeps the copied binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-10}
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
bin=${BIN_DIR:-$work/bin}
mkdir -p "$bin"

echo "== build (release)"
cargo build --release --bin zgc-atlas --example bare_window
# Copied, so that a concurrent build in the same target directory does not change them mid-run.
cp "$target/release/zgc-atlas" "$target/release/examples/bare_window" "$bin/"

echo "== Xvfb"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp 5>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work/data"' EXIT
for _ in $(seq 100); do
  [[ -s "$work/display" ]] && break
  sleep 0.05
done
[[ -s "$work/display" ]] || { echo "Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$work/display")"
# Saved state (window size, the app's preferences) goes here, not into the user's own.
export XDG_DATA_HOME="$work/data"
export ZGC_ATLAS_REPORT_FIRST_FRAME=1
echo "DISPLAY=$DISPLAY WGPU_BACKEND=${WGPU_BACKEND:-default}"

# Runs one program once; appends "first_frame_ms spawn_ms" to $work/<name>.
run_one() {
  local name=$1 start line unix_ns
  start=$EPOCHREALTIME
  line=$(timeout 120 "$bin/$name" 2>>"$work/$name.stderr" | grep '^first_frame_ms=' || true)
  if [[ -z "$line" ]]; then
    echo "$name reported nothing; its standard error:" >&2
    tail -n 20 "$work/$name.stderr" >&2
    exit 1
  fi
  unix_ns=$(sed -E 's/.*unix_ns=([0-9]+).*/\1/' <<<"$line")
  # Both clocks in microseconds, so bash integers hold them.
  local spawn_us=$(( unix_ns / 1000 - ${start/[.,]/} ))
  local main_ms
  main_ms=$(sed -E 's/^first_frame_ms=([0-9.]+).*/\1/' <<<"$line")
  echo "$main_ms $((spawn_us / 1000)).$(printf '%03d' $((spawn_us % 1000)))" >>"$work/$name.times"
  echo "$name: spawn→shown $((spawn_us / 1000)) ms; $line"
}

echo "== warm-up (not counted)"
: >"$work/zgc-atlas.times"; : >"$work/bare_window.times"
run_one zgc-atlas >/dev/null
run_one bare_window >/dev/null
: >"$work/zgc-atlas.times"; : >"$work/bare_window.times"

echo "== $runs runs each, alternately"
for i in $(seq "$runs"); do
  run_one bare_window
  run_one zgc-atlas
done

median() { # column of $work/<name>.times
  sort -g <(cut -d' ' -f"$2" "$work/$1.times") | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== medians of $runs runs (ms)"
app_main=$(median zgc-atlas 1); bare_main=$(median bare_window 1)
app_spawn=$(median zgc-atlas 2); bare_spawn=$(median bare_window 2)
printf '%-28s %10s %10s %8s\n' "" "app" "bare" "app/bare"
printf '%-28s %10.1f %10.1f %8.2f\n' "spawn → first frame shown" "$app_spawn" "$bare_spawn" \
  "$(awk -v a="$app_spawn" -v b="$bare_spawn" 'BEGIN { print a / b }')"
printf '%-28s %10.1f %10.1f %8.2f\n' "main → first frame shown" "$app_main" "$bare_main" \
  "$(awk -v a="$app_main" -v b="$bare_main" 'BEGIN { print a / b }')"
