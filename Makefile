# edition: build an annotated online edition from content/ + templates/.
#   make         build the edition into public/
#   make test    run every test (vet, unit, end-to-end, browser)
#   make check   check content, templates and every link; write nothing
#   make clean   remove build output

GO      ?= go
BIN     := bin/edition
GOFILES := $(shell find generator -name '*.go' -not -name '*_test.go') go.mod go.sum

.PHONY: all build test check clean vet

all: build

$(BIN): $(GOFILES)
	$(GO) build -o $(BIN) ./generator/cmd/edition

build: $(BIN)
	$(BIN) build

check: $(BIN)
	$(BIN) check

vet:
	@test -z "$$(gofmt -l generator)" || { echo "gofmt needed:"; gofmt -l generator; exit 1; }
	$(GO) vet ./...

test: vet
	$(GO) test -race ./...

clean:
	rm -rf public public.staging-* public.old-* bin
