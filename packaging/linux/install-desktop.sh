#!/bin/sh
# Installs or removes Factlight's launcher entry, icons and AppStream metainfo for the current user
# (freedesktop locations under $XDG_DATA_HOME, by default ~/.local/share). Nothing outside it is touched.
#
#   install-desktop.sh install   [PROGRAM]   the entry starts PROGRAM (absolute path of the bundle's factlight)
#   install-desktop.sh uninstall
#
# The same script runs from the source tree (packaging/linux/, `make install-desktop`) and from inside a
# built bundle (factlight/_internal/linux/), where PROGRAM defaults to the bundle's own executable.
set -eu

APP_ID=io.github.factlight.Factlight
SIZES="16 24 32 48 64 128 256 512"
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}

# Icons live in resources/icons: _internal/resources in a bundle, ../../resources in the source tree.
if [ -d "$here/../resources/icons" ]; then
    icons=$(cd "$here/../resources/icons" && pwd)
else
    icons=$(cd "$here/../../resources/icons" && pwd)
fi

entry=$data_home/applications/$APP_ID.desktop
metainfo=$data_home/metainfo/$APP_ID.metainfo.xml
scalable=$data_home/icons/hicolor/scalable/apps/$APP_ID.svg

refresh_caches() {
    # Launchers pick the entry up without these too, only later; they are absent on minimal systems.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

install_entry() {
    program=${1:-$here/../../factlight}
    if [ ! -x "$program" ]; then
        echo "install-desktop: $program is not an executable; build the bundle first (make package)" >&2
        exit 1
    fi
    program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
    case $program in
        *[\"\`\$\\%]*)
            echo "install-desktop: the path $program has characters a launcher entry cannot quote" >&2
            exit 1 ;;
    esac
    mkdir -p "$data_home/applications" "$data_home/metainfo" "$(dirname "$scalable")"
    # The committed entry says `factlight`; the installed one names this bundle's program exactly.
    sed -e "s|^Exec=.*|Exec=\"$program\" %f|" -e "s|^TryExec=.*|TryExec=$program|" \
        "$here/$APP_ID.desktop" > "$entry.tmp"
    mv "$entry.tmp" "$entry"
    cp "$here/$APP_ID.metainfo.xml" "$metainfo"
    cp "$icons/$APP_ID.svg" "$scalable"
    for size in $SIZES; do
        dir=$data_home/icons/hicolor/${size}x${size}/apps
        mkdir -p "$dir"
        cp "$icons/hicolor/${size}x${size}/apps/$APP_ID.png" "$dir/$APP_ID.png"
    done
    refresh_caches
    echo "installed $entry (starts $program), icons and metainfo under $data_home"
}

uninstall_entry() {
    rm -f "$entry" "$metainfo" "$scalable"
    for size in $SIZES; do
        rm -f "$data_home/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh_caches
    echo "removed Factlight's launcher entry, icons and metainfo from $data_home"
}

case ${1:-} in
    install) shift; install_entry "$@" ;;
    uninstall) uninstall_entry ;;
    *) echo "usage: $0 install [PROGRAM] | uninstall" >&2; exit 2 ;;
esac
