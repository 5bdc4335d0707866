# hyeopchi: make run opens the window, make test runs every test.
GO       ?= go
BIN      ?= hyeopchi
GOFLAGS  ?=
# staticcheck, pinned: make vet fails on its findings
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# gocyclo, pinned: make vet fails on a function of complexity over 25
GOCYCLO     ?= github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0


# Windows: the mingw cross-compiler (Debian gcc-mingw-w64-x86-64).
WINCC    ?= x86_64-w64-mingw32-gcc
WINDRES  ?= x86_64-w64-mingw32-windres
VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMITS  := $(shell git rev-list --count HEAD 2>/dev/null || echo 0)
WINNAME   = hyeopchi-$(VERSION)-windows-amd64
LINNAME   = hyeopchi-$(VERSION)-linux-amd64
RELFLAGS  = -trimpath -tags no_emoji
ZIPMAX    = 47185920 # 45 MB

.PHONY: run build release test vet lint bench fuzz screenshots deps clean dist windows-exe windows-check

run: deps build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ "$$(uname)" = Linux ]; then \
	  echo "화면(DISPLAY)이 없어 창을 열 수 없습니다. 화면 없이 쓸 수 있는 명령: ./$(BIN) init|import|list|export|template|backup|restore|check|search|bundle (./$(BIN) --help)"; \
	else ./$(BIN); fi

deps:
	@bash .ci/deps build

build:
	$(GO) build $(GOFLAGS) -o $(BIN) .

release:
	$(GO) build -trimpath -tags no_emoji -ldflags "-s -w" -o $(BIN) .

# The Windows-only files (console, message box, IME) are vetted through a
# cross-compile when mingw is installed.
vet: lint
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@if command -v $(WINCC) >/dev/null; then \
	  echo "GOOS=windows $(GO) vet $(RELFLAGS) . ./ui/..."; \
	  GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$(WINCC) $(GO) vet $(RELFLAGS) . ./ui/...; \
	else echo "$(WINCC)이 없어 윈도우 전용 코드의 vet을 건너뜁니다 (apt-get install gcc-mingw-w64-x86-64)"; fi

# No function over 80 lines (.ci/funclen) or of complexity over 25
# (gocyclo), tests included.
lint:
	$(GO) run ./.ci/funclen .
	$(GO) run $(GOCYCLO) -over 25 .

# GUI tests need a display: Xvfb when there is none. The race detector is
# on: goroutines may touch widgets only through fyne.Do.
TESTFLAGS ?= -race -count=1
test: vet
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1600x1000x24" $(GO) test $(TESTFLAGS) ./...; \
	else $(GO) test $(TESTFLAGS) ./...; fi
	cd ui/envfix && $(GO) test $(TESTFLAGS) ./...
	$(GO) test $(TESTFLAGS) ./.ci/dist

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Every fuzz target of every package, one after another, each for
# FUZZTIME (make fuzz FUZZTIME=10m). A failing input is written under the
# package's testdata/fuzz/ and stops the run.
FUZZTIME ?= 1m
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$target ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# 1366×728: a 1366×768 office laptop less its taskbar; 1024×700: smaller still.
screenshots:
	$(GO) run ./ui/screenshots -out docs/screens -size 1366x728
	$(GO) run ./ui/screenshots -out docs/screens/1024x700 -size 1024x700

# dist/: the Windows zip (exe with icon and version, 읽어보기.txt, font
# licence, portable marker), the Linux tar.xz (.desktop, icon) and SHA256SUMS.
dist: windows-exe
	rm -rf dist/$(LINNAME) dist/*.zip dist/*.tar.xz dist/SHA256SUMS
	$(GO) run ./.ci/dist text assets/packaging/windows/portable.txt dist/$(WINNAME)/portable.txt
	cp assets/OFL.txt dist/$(WINNAME)/OFL.txt
	sed 's/@VERSION@/$(VERSION)/' assets/packaging/windows/읽어보기.txt > dist/읽어보기.tmp
	$(GO) run ./.ci/dist text dist/읽어보기.tmp dist/$(WINNAME)/읽어보기.txt
	rm dist/읽어보기.tmp
	$(GO) run ./.ci/dist zip -out dist/$(WINNAME).zip dist/$(WINNAME)
	@size=$$(stat -c %s dist/$(WINNAME).zip); echo "dist/$(WINNAME).zip: $$size 바이트"; \
	  if [ $$size -ge $(ZIPMAX) ]; then echo "윈도우 zip이 45MB를 넘습니다" >&2; exit 1; fi
	mkdir -p dist/$(LINNAME)
	$(GO) build $(RELFLAGS) -ldflags "-s -w -X main.version=$(VERSION)" -o dist/$(LINNAME)/hyeopchi .
	cp assets/packaging/linux/hyeopchi.desktop assets/packaging/linux/install.sh assets/OFL.txt dist/$(LINNAME)/
	cp assets/icon.png dist/$(LINNAME)/hyeopchi.png
	sed 's/@VERSION@/$(VERSION)/' assets/packaging/linux/읽어보기.txt > dist/$(LINNAME)/읽어보기.txt
	tar -C dist --owner=0 --group=0 --sort=name -cJf dist/$(LINNAME).tar.xz $(LINNAME)
	cd dist && sha256sum $(WINNAME).zip $(LINNAME).tar.xz > SHA256SUMS
	@cat dist/SHA256SUMS

# The Windows exe alone, with icon and version resources (a .syso made with
# mingw's windres, removed after the build). About 10 minutes cold.
windows-exe:
	@bash .ci/deps dist
	rm -rf dist/$(WINNAME)
	mkdir -p dist/$(WINNAME)
	$(GO) run ./.ci/dist winres -version $(VERSION) -commits $(COMMITS) -windres $(WINDRES) -out rsrc_windows_amd64.syso
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$(WINCC) $(GO) build $(RELFLAGS) \
	  -ldflags "-H windowsgui -s -w -X main.version=$(VERSION)" -o dist/$(WINNAME)/hyeopchi.exe . ; \
	  st=$$?; rm -f rsrc_windows_amd64.syso; exit $$st

# The Windows exe's commands under Wine (not in .ci/run: too slow). Wine
# 8.0 lacks bcryptprimitives.dll; .ci/wine/ has a stand-in for the
# test prefix only, never shipped.
windows-check: windows-exe build
	@bash .ci/deps windows
	xvfb-run -a -s "-screen 0 1280x900x24" bash .ci/wine/windows-check.sh dist/$(WINNAME)/hyeopchi.exe ./$(BIN)

clean:
	rm -f $(BIN) rsrc_windows_amd64.syso
	rm -rf dist
