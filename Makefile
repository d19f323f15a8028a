# kouryu — the commands the README gives. GNU make.
GO      ?= go
BIN     := bin/kouryu
SITE    := bin/kouryu-demo-site

.PHONY: all build run test lint demo vet fuzz clean bench test-faults

all: build

# go build keeps its own cache, so this is cheap when nothing changed.
build:
	$(GO) build -o $(BIN) ./cmd/kouryu

# The main job on the embedded defaults: crawl the Osaka sources, classify,
# store in ./var/kouryu.db, serve http://127.0.0.1:8080/feeds/all.rss.
run: build
	./$(BIN) run

# vet, staticcheck (staticcheck.conf; pinned in go.mod, so a fresh clone
# needs only the module proxy) and every test, with the race detector. Store
# tests need PostgreSQL at KOURYU_TEST_DATABASE_URL (default
# postgres://127.0.0.1:5432/test?sslmode=disable). Each race-built test
# binary would sleep a second at its exit (GORACE atexit_sleep_ms, for
# reports of goroutines still running then): over some twenty packages,
# two at a time, that is ten seconds of make test. A race found during a
# test still fails it. Four test binaries run at once (-p 4; go test's
# default is one per core): most packages spend part of their time waiting
# on PostgreSQL, NATS, a browser or a clock, and the other binaries use it.
test: lint
	GORACE="$(GORACE) atexit_sleep_ms=0" $(GO) test -race -count=1 -p 4 -timeout 20m ./...

lint:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# A bundled site that looks like an Osaka chamber's event pages (Shift_JIS),
# served on 127.0.0.1:8090, crawled by the whole pipeline; the feed is at
# http://127.0.0.1:8080/feeds/all.rss within a minute. Ctrl-C stops both.
demo: build
	$(GO) build -o $(SITE) ./demo
	@bash -c './$(SITE) -addr 127.0.0.1:8090 & site=$$!; trap "kill $$site 2>/dev/null" EXIT; \
		./$(BIN) run --sources demo/sources.yaml --allow-private --data-dir var/demo'

# Speed against baselines of the same run (not part of make test): crawl,
# classify, store, end to end over NATS and PostgreSQL, serve, and the
# server under 200 clients of random query strings (hostile). A table on
# stdout, the figures in bench/results.json; PostgreSQL at
# KOURYU_TEST_DATABASE_URL, in a schema dropped afterwards. Under a minute here.
bench:
	$(GO) run ./bench -out bench/results.json

# Every fuzz target (dates, sources, selectors, JSON-LD, iCal, feeds, rules, the record's JSON)
# for FUZZTIME executions each (default 5000x); CI runs it after make test.
fuzz:
	./scripts/fuzz.sh

# Fault tests (not part of make test): 10,000 events through real kouryu
# processes, nats-server processes and PostgreSQL while processes are killed,
# servers restarted and poison sent; each ends in a count of the table. A
# table of faults, events in, rows out, lost and doubled closes the output.
test-faults:
	$(GO) vet -tags faults ./internal/faults/
	$(GO) tool staticcheck -tags faults ./internal/faults/
	$(GO) test -race -tags faults -count=1 -timeout 15m -v ./internal/faults/

vet:
	$(GO) vet ./...

clean:
	rm -rf bin
