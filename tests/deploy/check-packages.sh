#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb packages of a build directory with cpack and checks them as a user would get them:
# unpacked into a throwaway root, each program answers --version; lintian reports no errors; the
# dashboard's desktop entry, AppStream metainfo and icon are installed and valid.
#   tests/deploy/check-packages.sh BUILD_DIR
set -euo pipefail
build="$(cd "${1:?usage: check-packages.sh BUILD_DIR}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
shopt -s nullglob
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 2 ] || fail "expected two packages, got: ${debs[*]##*/}"

for deb in "${debs[@]}"; do
    name="$(dpkg-deb -f "$deb" Package)"
    echo "== $name $(dpkg-deb -f "$deb" Version) ($(dpkg-deb -f "$deb" Architecture))"
    echo "   Depends: $(dpkg-deb -f "$deb" Depends)"
    root="$work/root-$name"
    dpkg-deb -x "$deb" "$root"
    [ -f "$root/usr/share/doc/$name/copyright" ] || fail "$name has no copyright file"
done

agent="$work/root-azure-msi-operator/usr/bin/azure-msi-operator"
dashboard="$work/root-azure-msi-dashboard/usr/bin/azure-msi-dashboard"
[ -x "$agent" ] || fail "azure-msi-operator does not install /usr/bin/azure-msi-operator"
[ -x "$dashboard" ] || fail "azure-msi-dashboard does not install /usr/bin/azure-msi-dashboard"
version="$("$agent" --version)"
echo "   $version"
[[ "$version" == *0.* ]] || fail "azure-msi-operator --version printed: $version"
version="$(QT_QPA_PLATFORM=offscreen "$dashboard" --version)"
echo "   $version"
[[ "$version" == *0.* ]] || fail "azure-msi-dashboard --version printed: $version"
# The agent package carries no GUI library, so a headless host needs no Widgets.
! dpkg-deb -f "$work"/out/azure-msi-operator_*.deb Depends | grep -q widgets || fail "the agent depends on Qt Widgets"

desktop=("$work"/root-azure-msi-dashboard/usr/share/applications/*.desktop)
metainfo=("$work"/root-azure-msi-dashboard/usr/share/metainfo/*.metainfo.xml)
icons=("$work"/root-azure-msi-dashboard/usr/share/icons/hicolor/*/apps/azure-msi-dashboard.*)
[ ${#desktop[@]} -eq 1 ] || fail "the dashboard package installs ${#desktop[@]} desktop files"
[ ${#metainfo[@]} -eq 1 ] || fail "the dashboard package installs ${#metainfo[@]} metainfo files"
[ ${#icons[@]} -ge 1 ] || fail "the dashboard package installs no icon"
desktop-file-validate "${desktop[0]}" || fail "desktop-file-validate ${desktop[0]##*/}"
appstreamcli validate --no-net --pedantic "${metainfo[0]}" || fail "appstreamcli validate ${metainfo[0]##*/}"
grep -q "<launchable type=\"desktop-id\">${desktop[0]##*/}</launchable>" "${metainfo[0]}" \
    || fail "the metainfo does not launch ${desktop[0]##*/}"
echo "desktop entry, metainfo and icon: valid"

if command -v lintian > /dev/null; then
    lintian --fail-on error --no-tag-display-limit "${debs[@]}" || fail "lintian reports errors"
    echo "lintian: no errors"
else
    fail "lintian is not installed (Debian package lintian)"
fi
echo "packages: ok"
