#!/bin/sh
# The Debian package installs and runs: packs the build with CPack into a temporary folder,
# unpacks it into a temporary root (dpkg -x, as on a clean machine), and runs the installed
# binary from there (--version, --demo --info). Checks the Depends that dpkg-shlibdeps cannot
# find (the SQLite driver plugin), the files a desktop expects, and, where the tools are
# installed, desktop-file-validate and appstreamcli. Usage: check_package.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log" >&2; exit 1; }
deb=$(ls "$tmp"/out/*.deb)
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in
*libqt6sql6-sqlite*) ;;
*) echo "Depends lacks libqt6sql6-sqlite: $depends" >&2; exit 1 ;;
esac
dpkg-deb --field "$deb" Recommends | grep -q graphviz
dpkg -x "$deb" "$tmp/root"
root=$tmp/root/usr
for f in bin/cw-inspector share/applications/io.github.codewalkers.Inspector.desktop \
    share/metainfo/io.github.codewalkers.Inspector.metainfo.xml \
    share/icons/hicolor/scalable/apps/cw-inspector.svg share/man/man1/cw-inspector.1.gz \
    share/doc/cw-inspector/copyright; do
    [ -f "$root/$f" ] || { echo "the package lacks /usr/$f" >&2; exit 1; }
done
"$root/bin/cw-inspector" --version | grep -q '^cw-inspector '
mkdir -p "$tmp/home"
XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache" \
    QT_QPA_PLATFORM=offscreen "$root/bin/cw-inspector" --demo --info >"$tmp/info.json"
grep -q '"tables"' "$tmp/info.json"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$root"/share/applications/*.desktop
fi
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$root"/share/metainfo/*.metainfo.xml >/dev/null
fi
echo "OK: $(basename "$deb") installs and runs"
