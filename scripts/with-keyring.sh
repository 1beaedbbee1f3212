#!/usr/bin/env bash
# Runs CMD with a private D-Bus session and an unlocked gnome-keyring Secret Service,
# so keychain tests (QtKeychain) work on headless machines:
#   scripts/with-keyring.sh ctest --preset dev
# Inside an existing run (AMO_WITH_KEYRING set) it just runs CMD.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

if [ -n "${AMO_WITH_KEYRING:-}" ]; then
    exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring: $tool not found (scripts/install-deps.sh installs it)" >&2
        exit 1
    fi
done

export AMO_WITH_KEYRING=1
# A throwaway home for the keyring files, so a developer's own keyrings are never touched.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export AMO_KEYRING_HOME="$keyring_home"

exec dbus-run-session -- bash -c '
    set -euo pipefail
    export XDG_DATA_HOME="$AMO_KEYRING_HOME/data" XDG_RUNTIME_DIR="$AMO_KEYRING_HOME/run"
    mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    # The daemon prints GNOME_KEYRING_CONTROL=... lines; export them for CMD.
    eval "$(printf "%s" "amo-test-keyring" | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
    set +e
    "$@"
    status=$?
    [ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null || true
    exit $status
' with-keyring "$@"
