package publisher

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kouryu/internal/store"
	"kouryu/internal/testutil"
)

const chromiumPath = "/usr/bin/chromium"

// TestPageInBrowser loads / in headless Chromium, takes a screenshot (kept
// at /tmp/kouryu-page.png for a person to look at) and follows a label
// filter link, as a visitor would.
func TestPageInBrowser(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing under CI=true: apt-get install -y chromium", chromiumPath)
		}
		t.Skipf("%s missing (apt-get install -y chromium)", chromiumPath)
	}
	st, err := store.Open(context.Background(), store.Config{Path: filepath.Join(t.TempDir(), "k.db")}, testutil.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fx := newFixture()
	upsertEach(t, st, fx.announced()...)
	_, ts := startServer(t, st, ServerConfig{})

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(412, 915), // a phone
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	// The browser lives as long as the context of the first Run; the whole
	// test is bounded by it.
	ctx, cancel := context.WithTimeout(actx, 90*time.Second)
	defer cancel()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("section.day")),
	); err != nil {
		t.Fatalf("load page: %v", err)
	}
	count := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.event").length`))
		if err != nil {
			t.Fatalf("count events: %v", err)
		}
		return n
	}
	before := count()
	heading, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("section.day h2")))
	if err != nil {
		t.Fatalf("read heading: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`ul.labels a[data-label="study_group"]`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.labels a[data-label="study_group"][aria-current="page"]`)),
	); err != nil {
		t.Fatalf("follow the label filter: %v", err)
	}
	after := count()
	current, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.labels a[aria-current="page"]`)))
	if err != nil {
		t.Fatalf("read current label: %v", err)
	}
	if len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
	}
	for _, p := range []string{filepath.Join(t.TempDir(), "page.png"), "/tmp/kouryu-page.png"} {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if before != 6 || after != 1 {
		t.Errorf("events listed: %d before the filter, %d after; want 6 and 1", before, after)
	}
	if heading == "" || current != "勉強会" {
		t.Errorf("first heading %q, current label %q", heading, current)
	}
}
