package publisher

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// benchServer is a server over a SQLite store with n upcoming events.
func benchServer(b *testing.B, n int) string {
	st, err := store.Open(context.Background(), store.Config{Path: filepath.Join(b.TempDir(), "k.db")}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(st.Close)
	labels := event.Labels
	areas := []string{"大阪市北区", "大阪市中央区", "堺市", "東大阪市", "online"}
	evs := make([]event.Event, n)
	for i := range evs {
		evs[i] = ev(fmt.Sprintf("b%04d", i), labels[i%len(labels)], areas[i%len(areas)],
			day(1+i%60).Add(time.Duration(9+i%10)*time.Hour), fmt.Sprintf("ベンチマーク交流会 その%d", i))
	}
	if _, err := st.Upsert(context.Background(), evs); err != nil {
		b.Fatal(err)
	}
	_, ts := startServer(b, st, ServerConfig{StampEvery: time.Second})
	return ts.URL
}

// BenchmarkConditional measures 304 answers to If-None-Match over loopback
// HTTP/1.1 keep-alive connections: the cheap path feed readers hit.
func BenchmarkConditional(b *testing.B) {
	base := benchServer(b, 1000)
	for _, p := range []string{"/feeds/all.rss", "/", "/api/events?limit=100"} {
		b.Run(p, func(b *testing.B) {
			resp, err := http.Get(base + p)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			etag := resp.Header.Get("ETag")
			tr := &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}
			defer tr.CloseIdleConnections()
			c := &http.Client{Transport: tr}
			b.SetParallelism(4)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(http.MethodGet, base+p, nil)
					req.Header.Set("If-None-Match", etag)
					resp, err := c.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusNotModified {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

// BenchmarkRender measures a full render (store query + encoding), the cost
// of a cache miss after each change of the store.
func BenchmarkRender(b *testing.B) {
	base := benchServer(b, 1000)
	for _, p := range []string{"/feeds/all.rss", "/feeds/all.ics", "/", "/api/events"} {
		b.Run(p, func(b *testing.B) {
			c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			for i := 0; b.Loop(); i++ {
				// A distinct query string is a distinct cache key: every
				// request renders. (The API refuses unknown parameters, so
				// it varies from= by a second a request.)
				q := "?x=" + fmt.Sprint(i)
				if p == "/api/events" {
					q = "?limit=100&from=" + url.QueryEscape(day(-1).Add(time.Duration(i)*time.Second).Format(time.RFC3339))
				}
				resp, err := c.Get(base + p + q)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("status %d", resp.StatusCode)
				}
			}
		})
	}
}

// BenchmarkConditionalHandler is the server's own cost of a 304, without
// the network and the client.
func BenchmarkConditionalHandler(b *testing.B) {
	st, err := store.Open(context.Background(), store.Config{Path: filepath.Join(b.TempDir(), "k.db")}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(st.Close)
	fx := newFixture()
	if _, err := st.Upsert(context.Background(), fx.announced()); err != nil {
		b.Fatal(err)
	}
	srv, err := NewServer(st, ServerConfig{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/feeds/all.rss", nil))
	etag := rec.Header().Get("ETag")
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, "/feeds/all.rss", nil)
			req.Header.Set("If-None-Match", etag)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusNotModified {
				b.Errorf("status %d", rec.Code)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
