package classifier

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/testutil"
)

func TestLiveDefault(t *testing.T) {
	l, err := NewLive("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if l.Current().Version() != Default().Version() {
		t.Fatal("empty path did not give the embedded rules")
	}
	if err := l.Reload(); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReloadKeepsOldRulesOnBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, []byte(minimalRules), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewLive(filepath.Join(t.TempDir(), "missing.yaml"), nil); err == nil {
		t.Fatal("NewLive on a missing file succeeded")
	}
	l, err := NewLive(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	v1 := l.Current().Version()
	if err := os.WriteFile(path, []byte("labels: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = l.Reload()
	if err == nil || !strings.Contains(err.Error(), "keeping version "+v1) {
		t.Fatalf("bad file: error %v", err)
	}
	if l.Current().Version() != v1 {
		t.Fatal("a bad file replaced the rules")
	}
	changed := strings.Replace(minimalRules, "[異業種交流会]", "[異業種交流会, 名刺交換会]", 1)
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := l.Reload(); err != nil {
		t.Fatal(err)
	}
	if l.Current().Version() == v1 || l.Current().Classify(ev("名刺交換会", "", "")).Label != event.CrossIndustry {
		t.Fatal("the new rules are not in use")
	}
}

func TestLiveWatchSignalAndPoll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, []byte(minimalRules), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs testutil.SyncBuffer
	l, err := NewLive(path, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	v1 := l.Current().Version()
	ctx, cancel := context.WithCancel(t.Context())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { l.watch(ctx, hup, 20*time.Millisecond); close(done) }()
	defer func() { cancel(); <-done }()

	// A change of content is picked up by polling.
	v2rules := strings.Replace(minimalRules, "[異業種交流会]", "[異業種交流会, 名刺交換会]", 1)
	if err := os.WriteFile(path, []byte(v2rules), 0o644); err != nil {
		t.Fatal(err)
	}
	testutil.WaitFor(t, 10*time.Second, "the poll to reload", func() bool { return l.Current().Version() != v1 })
	v2 := l.Current().Version()
	testutil.WaitFor(t, 10*time.Second, "the reload to be logged", func() bool {
		return strings.Contains(logs.String(), "old_version="+v1) && strings.Contains(logs.String(), "new_version="+v2)
	})

	// A broken file is logged and the rules stay.
	if err := os.WriteFile(path, []byte("order: {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testutil.WaitFor(t, 10*time.Second, "the broken file to be logged", func() bool { return strings.Contains(logs.String(), "rules not reloaded") })
	if l.Current().Version() != v2 {
		t.Fatal("a broken file replaced the rules")
	}

}

func TestLiveWatchSignal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, []byte(minimalRules), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := NewLive(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	v1 := l.Current().Version()
	ctx, cancel := context.WithCancel(t.Context())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	// Polling once an hour: only the signal can make this reload in time.
	go func() { l.watch(ctx, hup, time.Hour); close(done) }()
	defer func() { cancel(); <-done }()
	changed := strings.Replace(minimalRules, "[異業種交流会]", "[異業種交流会, 交流ランチ]", 1)
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	hup <- os.Interrupt
	testutil.WaitFor(t, 10*time.Second, "the signal to reload", func() bool {
		return l.Current().Version() != v1 && l.Current().Classify(ev("交流ランチ", "", "")).Label == event.CrossIndustry
	})
}
