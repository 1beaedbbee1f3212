#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The container image's root filesystem without an image registry: Debian 12 (the Containerfile's
# base) made from Debian packages with mmdebstrap, the agent's .deb from this build installed into it
# with its library dependencies, then checked: the agent runs in it as uid 65534.
#   installer/build-rootfs.sh BUILD_DIR OUT_DIR
# OUT_DIR/rootfs is the tree; OUT_DIR/rootfs.tar packs it, for `podman import rootfs.tar` (add
# --change 'USER 65534:65534' --change 'ENV LEASE_ENABLE=1' --change 'ENTRYPOINT ["/usr/bin/azure-msi-operator"]'
# to give it the Containerfile's settings). Needs root (mmdebstrap and chroot) and Debian's mirror.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
    echo "build-rootfs.sh needs root (mmdebstrap, chroot)" >&2
    exit 77
fi
build="$(cd "${1:?usage: build-rootfs.sh BUILD_DIR OUT_DIR}" && pwd)"
out="${2:?usage: build-rootfs.sh BUILD_DIR OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/debs" "$out/rootfs" "$out/rootfs.tar"

cpack --config "$build/CPackConfig.cmake" -B "$out/debs" -D CPACK_COMPONENTS_ALL=agent > "$out/cpack.log" 2>&1 \
    || { cat "$out/cpack.log"; exit 1; }
deb="$(ls "$out"/debs/azure-msi-operator_*.deb)"

# The runtime stage of the Containerfile: debian:12 with ca-certificates and the agent's libraries
# (the .deb's Depends bring them). Documentation and locales are left out, as in Debian's images.
mmdebstrap --variant=essential --include="ca-certificates,$deb" \
    --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$out/rootfs" > "$out/mmdebstrap.log" 2>&1 || { tail -40 "$out/mmdebstrap.log"; exit 1; }

# Checks: the agent answers as the image's user, nobody (uid 65534), and runs a full sync of its
# embedded demo world there.
[ -x "$out/rootfs/usr/bin/azure-msi-operator" ] || { echo "the agent is not in the root filesystem" >&2; exit 1; }
version="$(chroot --userspec=65534:65534 "$out/rootfs" /usr/bin/azure-msi-operator --version)"
echo "in the root filesystem as uid 65534: $version"
uid="$(chroot --userspec=65534:65534 "$out/rootfs" /usr/bin/id -u)"
[ "$uid" = 65534 ] || { echo "ran as uid $uid" >&2; exit 1; }
chroot --userspec=65534:65534 "$out/rootfs" env LEASE_ENABLE=1 /usr/bin/azure-msi-operator --demo \
    > "$out/demo.log" 2>&1 || { tail -20 "$out/demo.log"; echo "the demo sync failed in the root filesystem" >&2; exit 1; }
grep -q "sync finished" "$out/demo.log" || { tail -20 "$out/demo.log"; exit 1; }
echo "demo sync in the root filesystem: ok"

tar -C "$out/rootfs" --numeric-owner -cf "$out/rootfs.tar" .
echo "root filesystem: $out/rootfs ($(du -sh "$out/rootfs" | cut -f1)), archive: $out/rootfs.tar"
