#!/usr/bin/env bash
# make windows-check: the Windows exe's commands under Wine, in a folder
# with a Korean name and a space (C:\협치 자료\).
#   windows-check.sh hyeopchi.exe linux-hyeopchi
# Runs under Xvfb (make windows-check does that). The Wine prefix is kept in
# $WINEPREFIX (default ~/.cache/hyeopchi-wine); it gets a stand-in
# bcryptprimitives.dll (Go's runtime needs ProcessPrng; Wine 8.0 lacks it).
set -u
exe=$(realpath "$1")
linux=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=${WINEPREFIX:-$HOME/.cache/hyeopchi-wine}
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
unset HYEOPCHI_DB

fails=0 passes=0
ok() { passes=$((passes+1)); echo "통과: $1"; }
bad() { fails=$((fails+1)); echo "실패: $1" >&2; }

if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
  echo "Wine 준비: $WINEPREFIX"
  wineboot -i >/dev/null 2>&1
fi
sys32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32 || exit 1

root="$WINEPREFIX/drive_c/협치 자료"
rm -rf "$root"
mkdir -p "$root/app" "$root/usb"
cp "$exe" "$root/app/hyeopchi.exe"
win='C:\협치 자료'
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run NAME ARGS…: the exe in app\, stdout and stderr to files, the exit code in $rc
run() {
  local name=$1; shift
  (cd "$root/app" && timeout 300 wine hyeopchi.exe "$@" >"$out/$name.out" 2>"$out/$name.err")
  rc=$?
}

run version --version
[ $rc = 0 ] && grep -q '^hyeopchi ' "$out/version.out" && ok "--version: $(tr -d '\r' <"$out/version.out")" || bad "--version: $rc"

run init init --db "$win\\x.db"
[ $rc = 0 ] && [ -f "$root/x.db" ] && ok "init (C:\\협치 자료\\x.db)" || bad "init: $rc $(cat "$out/init.err")"

run list list plans --year 2016 --json --db "$win\\x.db"
"$linux" list plans --year 2016 --json --db "$root/x.db" >"$out/list-linux.out" 2>&1
if [ $rc = 0 ] && cmp -s "$out/list.out" "$out/list-linux.out"; then
  ok "list plans --json: 리눅스와 바이트까지 같음 ($(wc -c <"$out/list.out") 바이트)"
else bad "list: $rc, 리눅스와 다름"; fi

run export export --report plans --year 2016 --out "$win\\참고1.pdf" --db "$win\\x.db"
if [ $rc = 0 ] && pdftotext "$root/참고1.pdf" - | grep -q '지역사회혁신계획' && pdffonts "$root/참고1.pdf" | grep -qi nanumgothic; then
  ok "export PDF (나눔고딕 내장, 한글 추출)"
else bad "export: $rc $(cat "$out/export.err")"; fi

run template template --out "$win\\관악구.xlsx" --district 관악구 --year 2016 --db "$win\\x.db"
[ $rc = 0 ] && [ -s "$root/관악구.xlsx" ] && ok "template" || bad "template: $rc $(cat "$out/template.err")"
run import import "$win\\관악구.xlsx" --db "$win\\x.db"
[ $rc = 0 ] && ok "import: $(tr -d '\r' <"$out/import.out" | tail -1)" || bad "import: $rc $(cat "$out/import.err")"

run usage lisst
[ $rc = 2 ] && grep -q '알 수 없는 명령' "$out/usage.err" && ok "잘못 쓴 명령: 종료 코드 2, 한국어 오류" || bad "usage: $rc"

# No usable OpenGL: the window fails, the program ends and frees the file.
(cd "$root/app" && MESA_GL_VERSION_OVERRIDE=1.1 timeout 300 wine hyeopchi.exe --db "$win\\x.db" >"$out/gl.out" 2>"$out/gl.err")
rc=$?
if [ $rc = 1 ] && grep -q '창을 열 수 없습니다' "$out/gl.err" && [ -f "$root/hyeopchi.log" ]; then
  ok "OpenGL 없음: 종료 코드 1, 원인 '$(grep -o 'WGL[^;]*' "$out/gl.err" | head -1 | tr -d '\r')', 기록 hyeopchi.log"
else bad "OpenGL 없음: $rc (124 = 끝나지 않음) $(tail -3 "$out/gl.err")"; fi
run afterGL list plans --year 2016 --db "$win\\x.db"
[ $rc = 0 ] && ok "그 뒤 데이터 파일이 풀려 있음" || bad "그 뒤에도 잠김: $rc $(cat "$out/afterGL.err")"

# The same, started as Explorer starts it (no console, no stderr): a message
# box titled 협치 사무국 says it; OK ends the program.
(cd "$root/app" && MESA_GL_VERSION_OVERRIDE=1.1 exec wine start /wait /unix "$root/app/hyeopchi.exe" --db "$win\\x.db" </dev/null >/dev/null 2>&1) &
boxpid=$!
box=""
for _ in $(seq 1 120); do
  box=$(xdotool search --name '^협치 사무국$' 2>/dev/null | head -1)
  [ -n "$box" ] && break
  sleep 1
done
if [ -n "$box" ]; then
  ok "OpenGL 없음, 탐색기에서 시작: 메시지 상자 '$(xdotool getwindowname "$box")'"
  sleep 1
  xdotool key --clearmodifiers Return # OK (Xvfb has no window manager to focus with)
else bad "OpenGL 없음, 탐색기에서 시작: 메시지 상자가 없음"; fi
for _ in $(seq 1 30); do kill -0 "$boxpid" 2>/dev/null || break; sleep 1; done
if kill -0 "$boxpid" 2>/dev/null; then
  bad "메시지 상자를 닫은 뒤에도 끝나지 않음"; kill "$boxpid"
else
  wait "$boxpid"; rc=$?
  [ $rc = 1 ] && ok "확인을 누르면 종료 코드 1로 끝남" || bad "메시지 상자 뒤 종료 코드 $rc"
fi
wineserver -k 2>/dev/null

# With OpenGL (Mesa under Xvfb) the window opens, and a second start on the
# same file is refused at once with the lock message.
(cd "$root/app" && exec wine hyeopchi.exe --db "$win\\x.db" >"$out/gui.out" 2>"$out/gui.err") &
gui=$!
id=""
for _ in $(seq 1 120); do
  id=$(xdotool search --name '협치 사무국' 2>/dev/null | head -1)
  [ -n "$id" ] && break
  sleep 1
done
[ -n "$id" ] && ok "창이 열림: $(xdotool getwindowname "$id")" || bad "창이 열리지 않음: $(tail -3 "$out/gui.err")"
run second --db "$win\\x.db"
[ $rc = 1 ] && grep -q '사용 중입니다' "$out/second.err" && ok "두 번째 실행: 종료 코드 1, \"사용 중\"" || bad "두 번째 실행: $rc $(cat "$out/second.err")"
kill "$gui" 2>/dev/null
wineserver -k 2>/dev/null
wait "$gui" 2>/dev/null

# Portable: portable.txt beside the exe keeps the data in data\ beside it.
cp "$exe" "$root/usb/hyeopchi.exe"
echo portable >"$root/usb/portable.txt"
(cd "$root/usb" && timeout 300 wine hyeopchi.exe init >"$out/usb.out" 2>"$out/usb.err"); rc=$?
[ $rc = 0 ] && [ -f "$root/usb/data/hyeopchi.db" ] && ok "휴대용: usb\\data\\hyeopchi.db" || bad "휴대용: $rc $(cat "$out/usb.err")"
appdata=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming 2>/dev/null | head -1)
rm -rf "$appdata/hyeopchi"
run appdata init
[ $rc = 0 ] && [ -f "$appdata/hyeopchi/hyeopchi.db" ] && ok "표시 없음: %AppData%\\hyeopchi\\hyeopchi.db" || bad "AppData: $rc $(cat "$out/appdata.err")"

echo "$passes passed, $fails failed"
[ $fails = 0 ]
