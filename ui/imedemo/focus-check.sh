#!/usr/bin/env bash
# focus-check.sh: the trial hangul-ime-check leaves out. Types 관악구 through
# ibus-hangul into the first field of `CMD -second`, moves to the second field
# (a click, or Tab) while 구 is still being composed, types 서울 there and
# saves with Ctrl+S. Passes when the first field saved 관악구 and the second
# 서울: no syllable landed in the wrong field.
#
# usage: ui/imedemo/focus-check.sh -- go run ./ui/imedemo
# Needs what hangul-ime-check needs: xvfb xdotool ibus ibus-hangul dbus libglib2.0-bin.
set -u
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || { sed -n '2,9p' "$0"; exit 2; }
if [ -z "${IME_CHECK_INNER:-}" ]; then # a private D-Bus session for ibus
  exec env IME_CHECK_INNER=1 dbus-run-session -- "$0" -- "$@" 2>/dev/null
fi
export DISPLAY=${DISPLAY:-:97} LC_ALL=C.UTF-8 XMODIFIERS=@im=ibus
if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!; sleep 1
fi
gsettings set org.freedesktop.ibus.engine.hangul initial-input-mode hangul 2>/dev/null
ibus-daemon -drx --panel=disable >/dev/null 2>&1; sleep 2
out=$(mktemp); fails=0
for how in click tab; do
  "$@" -second >"$out" 2>/dev/null & pid=$! w= f=
  for _ in $(seq 1 40); do w=$(xdotool search --name IME 2>/dev/null | head -1); [ -n "$w" ] && break; sleep 0.25; done
  for _ in $(seq 1 20); do f=$(grep -o 'FIELD [0-9]*,[0-9]*' "$out" | cut -d' ' -f2); [ -n "$f" ] && break; sleep 0.25; done
  xdotool windowfocus "$w"; sleep 0.3
  ibus engine hangul; xdotool type --delay 100 rhksdkrrn; sleep 0.2
  case $how in
    click) xdotool mousemove --window "$w" "${f%,*}" "${f#*,}" click 1 ;;
    tab) xdotool key Tab ;;
  esac
  sleep 0.3; xdotool type --delay 100 tjdnf; xdotool key ctrl+s; sleep 1
  kill $pid; wait $pid 2>/dev/null
  got="$(grep -o 'SAVED\[[^]]*\]' "$out" | tail -n 1) $(grep -o 'SECOND\[[^]]*\]' "$out" | tail -n 1)"
  if [ "$got" = "SAVED[관악구] SECOND[서울]" ]; then echo "pass  $how: $got"; else echo "FAIL  $how: $got"; fails=$((fails+1)); fi
done
ibus exit >/dev/null 2>&1; [ -n "${xvfb:-}" ] && kill $xvfb
rm -f "$out"
[ $fails = 0 ]
