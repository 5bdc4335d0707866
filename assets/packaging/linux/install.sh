#!/bin/sh
# Installs hyeopchi for this user: the program in ~/.local/bin, the menu
# entry and the icon under ~/.local/share.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="${HOME}/.local/bin"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$bin" "$share/applications" "$share/icons/hicolor/256x256/apps"
install -m 755 "$here/hyeopchi" "$bin/hyeopchi"
install -m 644 "$here/hyeopchi.desktop" "$share/applications/hyeopchi.desktop"
install -m 644 "$here/hyeopchi.png" "$share/icons/hicolor/256x256/apps/hyeopchi.png"
echo "설치했습니다: $bin/hyeopchi (프로그램 메뉴의 '협치 사무국')"
case ":$PATH:" in *":$bin:"*) ;; *) echo "명령으로 쓰려면 PATH에 $bin 을 넣으세요." ;; esac
