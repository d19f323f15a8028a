package demosite

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"
)

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestSiteIsShiftJISNamedOnlyInMeta(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, tokyo)
	srv := httptest.NewServer(Handler(func() time.Time { return now }))
	defer srv.Close()

	for _, path := range []string{"/event/", "/event/?page=2", "/event/detail/1.html", "/event/detail/8.html"} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html" {
			t.Fatalf("%s: %d %q", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !strings.Contains(body, `content="text/html; charset=Shift_JIS"`) {
			t.Errorf("%s: no meta charset", path)
		}
		utf8, err := japanese.ShiftJIS.NewDecoder().String(body)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(body, "商工会議所") || !strings.Contains(utf8, "浪速商工会議所") {
			t.Errorf("%s: not Shift_JIS encoded", path)
		}
	}
	_, body := get(t, srv, "/event/detail/1.html")
	page, _ := japanese.ShiftJIS.NewDecoder().String(body)
	// now + 3 days is Friday 2026-12-04.
	if !strings.Contains(page, "2026年12月4日（金）18:30～20:30") {
		t.Errorf("detail 1 lacks its date:\n%s", page)
	}
	_, body = get(t, srv, "/event/")
	page, _ = japanese.ShiftJIS.NewDecoder().String(body)
	if !strings.Contains(page, `href="/event/?page=2"`) || strings.Count(page, "detail/") != 5 {
		t.Errorf("list page 1 wrong:\n%s", page)
	}
	for _, path := range []string{"/event/detail/0.html", "/event/detail/9.html", "/event/?page=3", "/nothing"} {
		if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
	_, robots := get(t, srv, "/robots.txt")
	if !strings.Contains(robots, "Disallow: /private/") {
		t.Errorf("robots.txt: %q", robots)
	}
}
