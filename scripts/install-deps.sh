#!/usr/bin/env bash
# Installs every Debian package the project needs to build, test and demo.
# Idempotent: when everything is present it only checks and exits quickly;
# `apt-get update` runs only when something is missing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-qpa-plugins
    qtkeychain-qt6-dev libssl-dev libgl-dev
    prometheus-cpp-dev libyaml-cpp-dev
    prometheus desktop-file-utils appstream
    dbus dbus-x11 gnome-keyring xvfb xauth
    nghttp2-server python3-kubernetes openssl azure-cli
    lintian mmdebstrap
    clang libclang-rt-14-dev
)
# kubectl is used by the simulator's fidelity test; take Debian's when none is installed.
command -v kubectl >/dev/null 2>&1 || packages+=(kubernetes-client)
# node and npm run @kubernetes/client-node in the fidelity test (which wants Node 20); take Debian's when absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
