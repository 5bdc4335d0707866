# hyeopchi: make run opens the window, make test runs every test.
GO       ?= go
BIN      ?= hyeopchi
GOFLAGS  ?=


.PHONY: run build release test vet bench screenshots deps clean

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

vet:
	$(GO) vet ./...

# GUI tests need a display: Xvfb when there is none. The race detector is
# on: goroutines may touch widgets only through fyne.Do.
TESTFLAGS ?= -race -count=1
test: vet
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1600x1000x24" $(GO) test $(TESTFLAGS) ./...; \
	else $(GO) test $(TESTFLAGS) ./...; fi
	cd ui/envfix && $(GO) test $(TESTFLAGS) ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

screenshots:
	$(GO) run ./ui/screenshots -out docs/screens

clean:
	rm -f $(BIN)
