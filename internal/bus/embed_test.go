package bus

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kouryu/internal/testutil"
)

func TestSizeStore(t *testing.T) {
	t.Parallel()
	const mi, gi = int64(1 << 20), int64(1 << 30)
	for _, c := range []struct {
		name                      string
		maxStore, per, free, used int64
		wantBudget, wantPer       int64
		wantErr                   string // "" → no error
		wantErrAlso               string
	}{
		{"a large disk", 0, 0, 70 * gi, 0, 70 * gi / 4 * 3, gi, "", ""},
		{"1 GiB free: 768 MiB, streams of 128 MiB", 0, 0, gi, 0, 768 * mi, 128 * mi, "", ""},
		{"300 MiB free: streams of 32 MiB", 0, 0, 300 * mi, 0, 225 * mi, 32 * mi, "", ""},
		{"what the store holds counts as available", 0, 0, 100 * mi, gi, 75*mi + gi, 128 * mi, "", ""},
		{"100 MiB free: refused", 0, 0, 100 * mi, 0, 0, 0, "only 100 MiB of the disk is free", "--nats-max-store"},
		{"free space unknown", 0, 0, -1, 0, storeNeed(gi), gi, "", ""},
		{"max store 1 GiB", gi, 0, 70 * gi, 0, gi, 128 * mi, "", ""},
		{"max store too small", 100 * mi, 0, 70 * gi, 0, 0, 0, "a store of 100 MiB is too small", "--nats-url"},
		{"streams of 1 GiB on 2 GiB free", 0, gi, 2 * gi, 0, 0, 0, "need 5136 MiB of disk", "lower --nats-stream-max-bytes"},
		{"streams of 64 MiB on 2 GiB free", 0, 64 * mi, 2 * gi, 0, 1536 * mi, 64 * mi, "", ""},
		{"streams larger than max store", gi, 256 * mi, 70 * gi, 0, 0, 0, "more than the 1024 MiB of --nats-max-store", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			budget, per, err := sizeStore(c.maxStore, c.per, c.free, c.used)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), c.wantErrAlso) {
					t.Fatalf("err %v, want one saying %q and %q", err, c.wantErr, c.wantErrAlso)
				}
				return
			}
			if err != nil || budget != c.wantBudget || per != c.wantPer {
				t.Fatalf("budget %d MiB, per stream %d MiB, err %v; want %d MiB, %d MiB", budget>>20, per>>20, err, c.wantBudget>>20, c.wantPer>>20)
			}
			if storeNeed(per) > budget {
				t.Errorf("streams of %d MiB do not fit %d MiB", per>>20, budget>>20)
			}
		})
	}
}

// TestEmbeddedStoreSizedToItsBudget: the streams and buckets of an embedded
// server with a small store are made to fit it, and a store too small for
// any is refused with a message that says what to do.
func TestEmbeddedStoreSizedToItsBudget(t *testing.T) {
	t.Parallel()
	e := &env{t: t, dataDir: t.TempDir()}
	b := e.open(Config{DataDir: e.dataDir, MaxStore: 600 << 20})
	if err := b.EnsureJobs(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{StreamRaw, StreamClassified, StreamDead} {
		s, err := b.JetStream().Stream(t.Context(), name)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.CachedInfo().Config.MaxBytes; got != 64<<20 {
			t.Errorf("%s max bytes %d MiB, want 64 (600 MiB over five streams, a power of two)", name, got>>20)
		}
	}
	for _, bucket := range []string{BucketCrawl, BucketHealth} {
		if _, err := b.KV(t.Context(), bucket); err != nil {
			t.Fatalf("bucket %s in a 600 MiB store: %v", bucket, err)
		}
	}

	_, err := Open(t.Context(), Config{DataDir: t.TempDir(), MaxStore: 100 << 20}, testutil.Logger(t))
	if err == nil || !strings.Contains(err.Error(), "too small") || !strings.Contains(err.Error(), "--nats-url") {
		t.Errorf("a 100 MiB store: %v", err)
	}
}

// TestSecondProcessOnAStore: while one process runs its embedded server on
// a data dir, another Open there never starts a second server on the same
// store (that corrupts it): it fails naming the holder, or, with Attach,
// connects to the holder's server. Once the holder is gone, the store is
// free again, with its messages.
func TestSecondProcessOnAStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	log := testutil.Logger(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	first, err := Open(ctx, Config{DataDir: dir, MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	publishN(t, first, "kouryu.raw.example-cci", 3)

	t0 := time.Now()
	_, err = Open(ctx, Config{DataDir: dir}, log)
	if err == nil || !strings.Contains(err.Error(), "in use by process "+strconv.Itoa(os.Getpid())) ||
		!strings.Contains(err.Error(), first.ClientURL()) {
		t.Fatalf("a second server on a held store: %v", err)
	}
	if took := time.Since(t0); took > 5*time.Second {
		t.Errorf("refused after %v", took)
	}

	attached, err := Open(ctx, Config{DataDir: dir, Attach: true}, log)
	if err != nil {
		t.Fatalf("attach: %v", err)
	}
	if attached.emb != nil || attached.ClientURL() != first.ClientURL() {
		t.Errorf("attached to %s, want the first server %s", attached.ClientURL(), first.ClientURL())
	}
	if attached.cfg.MaxBytes != 16<<20 {
		t.Errorf("attached with streams of %d bytes, not the holder's", attached.cfg.MaxBytes)
	}
	if n := streamMsgs(t, attached, StreamRaw); n != 3 {
		t.Errorf("attached sees %d raw messages, want 3", n)
	}
	if err := attached.Close(); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	lock, err := os.ReadFile(filepath.Join(dir, "nats", lockFileName))
	if err != nil || !strings.Contains(string(lock), `"pid":`) {
		t.Errorf("lock file %q: %v", lock, err)
	}
	again, err := Open(ctx, Config{DataDir: dir, MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatalf("the store after its holder closed: %v", err)
	}
	defer again.Close()
	if again.emb == nil {
		t.Error("no server of its own on a free store")
	}
	if n := streamMsgs(t, again, StreamRaw); n != 3 {
		t.Errorf("after a restart the store holds %d raw messages, want 3", n)
	}
}
