package bus

import (
	"context"
	"sync"
	"testing"
	"time"

	"kouryu/internal/testutil"
)

// Ctrl-C on `kouryu run` or `crawl --loop`: the crawl workers, idle in a
// fetch that waits up to MaxWait for a job, stop at once rather than when
// the fetch runs out, and a job enqueued after they stopped stays queued
// for the next process.
func TestCrawlWorkersStopWithoutWaitingOutTheFetch(t *testing.T) {
	t.Parallel()
	forEachServer(t, func(t *testing.T, e *env) {
		b := e.open(e.config())
		if err := b.EnsureJobs(t.Context()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		var mu sync.Mutex
		var got []string
		done := make(chan error, 1)
		go func() {
			done <- b.ConsumeCrawlJobs(ctx, JobsConfig{Workers: 2, MaxWait: 30 * time.Second}, func(_ context.Context, job CrawlJob) error {
				mu.Lock()
				got = append(got, job.Source)
				mu.Unlock()
				return nil
			})
		}()
		if _, err := b.EnqueueCrawl(t.Context(), CrawlJob{Source: "osaka-cci", Due: time.Now()}); err != nil {
			t.Fatal(err)
		}
		testutil.WaitFor(t, 10*time.Second, "the job taken", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(got) == 1
		})

		start := time.Now()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the workers still wait 20 s after cancel")
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("the workers stopped %s after cancel: they waited out their fetch", d.Round(time.Millisecond))
		}
		if _, err := b.EnqueueCrawl(t.Context(), CrawlJob{Source: "sakai-cci", Due: time.Now()}); err != nil {
			t.Fatal(err)
		}
		si, err := b.JobsBacklog(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n := si.Consumers["crawl"]; n != 1 {
			t.Errorf("jobs waiting after the workers stopped: %d, want the one enqueued since", n)
		}
	})
}
