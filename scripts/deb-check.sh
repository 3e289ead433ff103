#!/usr/bin/env bash
# Builds the Debian package and tries it on this machine the way a user would get it:
#
#   1. `cargo deb --profile dist` (the `dist` profile of Cargo.toml: release with link-time
#      optimisation, see docs/performance.md "Build" for how long it takes; honours CARGO_TARGET_DIR),
#      then checks the package lists every file it should;
#   2. installs it with `dpkg -i` (and `apt-get -f install` if runtime libraries are missing);
#   3. validates the installed .desktop, AppStream and MIME files and checks that dpkg's triggers
#      registered them (MIME glob, desktop database, icon cache where those tools are installed);
#   4. runs the installed binary: --version, `check` of the dataset it ships in
#      /usr/share/zgc-atlas/, and `export` of the built-in dataset, which must equal the export of
#      that file (the file is the dataset built into the program);
#   5. opens the window under Xvfb with the .desktop entry's Exec line, run from PATH, as a menu
#      would: once with no file and once with the shipped dataset as %f; checks that the process is
#      /usr/bin/zgc-atlas, that a window appears with the WM class the entry names, and that it
#      carries the 256-px icon (with ImageMagick and python3: pixel for pixel the installed one);
#      saves a screenshot of each and the window's icon to $CARGO_TARGET_DIR/debian/ (Xvfb has no
#      window manager, so the screenshots show no title bar and no icon);
#   6. purges the package and checks nothing of it is left: no file it installed, no MIME type,
#      no desktop database entry.
#
#   scripts/deb-check.sh [--no-build]     --no-build packages the dist binary already built
#                                         (target/dist/zgc-atlas)
#
# With a target directory shared between worktrees (CARGO_TARGET_DIR), target/dist/zgc-atlas is
# whichever tree built last: `cargo deb` rebuilds or re-links this tree's binary just before
# packaging it, but --no-build packages whatever is there (the icon check then fails if it is
# another tree's build without the icon).
#
# Needs root (dpkg), cargo-deb (`cargo install cargo-deb --locked`), Xvfb, xdotool and xprop
# (x11-utils), desktop-file-validate (desktop-file-utils) and appstreamcli (appstream).
# A failure purges the package too, unless KEEP_INSTALLED=1.
set -euo pipefail
cd "$(dirname "$0")/.."

package=zgc-atlas
desktop_file=/usr/share/applications/$package.desktop
metainfo_file=/usr/share/metainfo/io.github.zgc_atlas.zgc_atlas.metainfo.xml
mime_type=application/x-zgc-atlas-dataset
shipped_dataset=/usr/share/zgc-atlas/zgc.ron
icon_sizes=(32 48 64 128 256 512)

fail() {
  echo "deb-check: $*" >&2
  exit 1
}

step() {
  echo "== $*"
}

build=(--profile dist)
if [[ ${1:-} == --no-build ]]; then
  build=(--profile dist --no-build)
fi

missing=()
command -v cargo-deb >/dev/null || missing+=("cargo-deb (cargo install cargo-deb --locked)")
for tool in dpkg dpkg-deb Xvfb xdotool xprop desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
((${#missing[@]} == 0)) || fail "missing: ${missing[*]} (apt-get install xvfb xdotool x11-utils desktop-file-utils appstream)"
[[ $(id -u) == 0 ]] || fail "run as root: dpkg installs and removes the package"
if dpkg -s "$package" >/dev/null 2>&1; then
  fail "$package is already installed; remove it first (dpkg -P $package) so the leftover check means something"
fi

# Runs at every exit: stops what the script started and, after a failure, purges the package.
xvfb_pid='' app_pid='' scratch=$(mktemp -d)
cleanup() {
  local status=$?
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  if ((status != 0)) && [[ ${KEEP_INSTALLED:-0} != 1 ]] && dpkg -s "$package" >/dev/null 2>&1; then
    echo "deb-check: failed; purging $package (KEEP_INSTALLED=1 keeps it)" >&2
    dpkg -P "$package" >/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

step "cargo deb ${build[*]}"
target_dir=${CARGO_TARGET_DIR:-target}
deb=$(cargo deb "${build[@]}" | tail -n 1)
[[ -f $deb ]] || fail "cargo deb did not name a .deb (got: $deb)"
echo "$deb ($(du -h "$deb" | cut -f1))"

step "the package lists every file it should"
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Recommends\|Installed-Size\):/  &/p'
contents=$(dpkg-deb --contents "$deb" | awk '{print substr($6, 2)}')
expected=(/usr/bin/$package "$desktop_file" "$metainfo_file" /usr/share/mime/packages/$package.xml
  /usr/share/icons/hicolor/scalable/apps/$package.svg "$shipped_dataset" /usr/share/zgc-atlas/beijing-districts.ron
  /usr/share/doc/$package/copyright /usr/share/doc/$package/LICENSE-MIT /usr/share/doc/$package/LICENSE-APACHE
  /usr/share/doc/$package/OFL.txt /usr/share/doc/$package/UFL.txt)
for size in "${icon_sizes[@]}"; do
  expected+=("/usr/share/icons/hicolor/${size}x$size/apps/$package.png")
done
for path in "${expected[@]}"; do
  grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done
echo "  ${#expected[@]} expected files present"

step "dpkg -i"
if ! dpkg -i "$deb"; then
  echo "installing missing runtime dependencies"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq
fi
dpkg -s "$package" | grep -q '^Status: install ok installed' || fail "$package is not installed and configured"
installed=$(dpkg -L "$package")

step "the installed desktop entry, AppStream metadata and MIME type"
desktop-file-validate "$desktop_file"
appstreamcli validate --no-net "$metainfo_file"
grep -q "^[0-9]*:$mime_type:\*\.ron" /usr/share/mime/globs2 || fail "update-mime-database did not register $mime_type"
echo "  /usr/share/mime/globs2: $(grep "$mime_type" /usr/share/mime/globs2)"
if command -v update-desktop-database >/dev/null; then
  grep -q "^$mime_type=.*$package.desktop" /usr/share/applications/mimeinfo.cache ||
    fail "the desktop database does not open $mime_type with $package.desktop"
  echo "  mimeinfo.cache: $(grep "^$mime_type=" /usr/share/applications/mimeinfo.cache)"
fi
if command -v gtk-update-icon-cache >/dev/null && [[ -f /usr/share/icons/hicolor/index.theme ]]; then
  [[ /usr/share/icons/hicolor/icon-theme.cache -nt "$deb" ]] || fail "the hicolor icon cache was not refreshed"
  echo "  hicolor icon cache refreshed"
fi

step "the installed program"
[[ $(command -v $package) == /usr/bin/$package ]] || fail "$package on PATH is $(command -v $package), not /usr/bin/$package"
/usr/bin/$package --version
/usr/bin/$package check "$shipped_dataset" >"$scratch/check.txt" || { cat "$scratch/check.txt"; fail "check of $shipped_dataset failed"; }
grep -m1 '^valid' "$scratch/check.txt" || head -3 "$scratch/check.txt"
/usr/bin/$package export --format csv --out "$scratch/built-in.csv"
/usr/bin/$package export --data "$shipped_dataset" --format csv --out "$scratch/shipped.csv"
cmp -s "$scratch/built-in.csv" "$scratch/shipped.csv" || fail "$shipped_dataset is not the dataset built into the program"
echo "  export --format csv of the built-in dataset = that of $shipped_dataset ($(wc -c <"$scratch/built-in.csv") bytes)"

# A free X display number.
display=90
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
export DISPLAY=:$display
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
  xdpyinfo >/dev/null 2>&1 && break
  sleep 0.1
done
kill -0 "$xvfb_pid" || fail "Xvfb did not start: $(cat "$scratch/xvfb.log")"

# The Exec line of the installed entry, with %f standing for the file (or nothing).
exec_line=$(sed -n 's/^Exec=//p' "$desktop_file" | head -n 1)
wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop_file" | head -n 1)
launch_from_entry() {
  local file=$1 label=$2
  local -a argv
  read -r -a argv <<<"${exec_line//%f/$file}"
  step "open the window from the .desktop entry: ${argv[*]}"
  # A home of its own: the run's settings and slides go there, not into this user's.
  HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share "${argv[@]}" >"$scratch/app-$label.log" 2>&1 &
  app_pid=$!
  local window=''
  for _ in $(seq 60); do
    window=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1) && [[ -n $window ]] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app-$label.log"; fail "$exec_line exited before showing a window"; }
    sleep 0.5
  done
  [[ -n $window ]] || fail "no window appeared within 30 s"
  [[ $(readlink "/proc/$app_pid/exe") == /usr/bin/$package ]] || fail "the window is not /usr/bin/$package"
  echo "  window $window \"$(xdotool getwindowname "$window")\" from $(readlink "/proc/$app_pid/exe")"
  xprop -id "$window" WM_CLASS | grep -q "\"$wm_class\"" || fail "WM_CLASS is not $wm_class: $(xprop -id "$window" WM_CLASS)"
  # _NET_WM_ICON holds width, height, then the pixels: the built-in 256-px icon.
  local icon_size
  icon_size=$(xprop -id "$window" -notype -f _NET_WM_ICON 32c '=$0x$1' _NET_WM_ICON | sed -n 's/^_NET_WM_ICON=//p')
  [[ $icon_size == 256x256 ]] || fail "the window has no 256×256 icon (_NET_WM_ICON: ${icon_size:-none})"
  echo "  $(xprop -id "$window" WM_CLASS); icon $icon_size"
  # The icon as the X server holds it (there is no window manager here to draw it), to look at.
  if command -v python3 >/dev/null && command -v convert >/dev/null && command -v compare >/dev/null; then
    xprop -len 1000000 -id "$window" -notype -f _NET_WM_ICON 32c '=$0+' _NET_WM_ICON | python3 -c '
import sys
values = [int(v) for v in sys.stdin.read().split("=", 1)[1].split(",")]
width, height, argb = values[0], values[1], values[2 : 2 + values[0] * values[1]]
rgba = bytes(c for v in argb for c in ((v >> 16) & 255, (v >> 8) & 255, v & 255, v >> 24))
header = f"P7\nWIDTH {width}\nHEIGHT {height}\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n"
sys.stdout.buffer.write(header.encode() + rgba)' | convert pam:- "$target_dir/debian/deb-check-$label-icon.png"
    # Pixel for pixel the 256-px icon the package installs (and the program has built in).
    differing=$(compare -metric AE "$target_dir/debian/deb-check-$label-icon.png" \
      /usr/share/icons/hicolor/256x256/apps/$package.png null: 2>&1) || true
    [[ $differing == 0 ]] || fail "the window's icon differs from the package's 256-px icon in $differing pixels"
    echo "  the window's icon, identical to the installed 256-px one: $target_dir/debian/deb-check-$label-icon.png"
  fi
  sleep 2
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app-$label.log"; fail "the app exited"; }
  if command -v import >/dev/null; then
    import -window root "$target_dir/debian/deb-check-$label.png" 2>/dev/null &&
      echo "  screenshot: $target_dir/debian/deb-check-$label.png"
  fi
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=''
}
launch_from_entry '' window
launch_from_entry "$shipped_dataset" window-with-file
kill "$xvfb_pid"
xvfb_pid=''

step "dpkg -P leaves nothing behind"
dpkg -P "$package"
! dpkg -s "$package" >/dev/null 2>&1 || fail "$package is still known to dpkg"
left=()
while IFS= read -r path; do
  # Shared directories (/usr, /usr/share/icons/…) stay; anything of the package's own must go.
  if [[ -f $path || -L $path ]] || { [[ -d $path ]] && [[ $path == *$package* ]]; }; then
    left+=("$path")
  fi
done <<<"$installed"
((${#left[@]} == 0)) || fail "left behind: ${left[*]}"
! grep -q "$mime_type" /usr/share/mime/globs2 || fail "$mime_type is still registered"
! grep -qs "$package.desktop" /usr/share/applications/mimeinfo.cache || fail "the desktop database still names $package.desktop"
[[ ! -e /usr/bin/$package ]] || fail "/usr/bin/$package is still there"
echo "  none of the $(wc -l <<<"$installed") paths it installed is left, nor its MIME type or desktop database entry"

echo "deb-check: all good"
