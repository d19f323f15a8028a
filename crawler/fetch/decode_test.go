package fetch

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// A page as a chamber of commerce's event list gives it, with the charset
// named where each case puts it ({{meta}}).
const jaPage = `<html><head>{{meta}}<title>イベント情報｜北浜商工会</title></head><body>
<ul class="events">
<li><span class="date">2026年12月10日（木）19:00から21:00</span> <a href="/ev/12">北浜 異業種交流会 名刺交換と立食懇親会</a> 参加費 3,000円</li>
<li><span class="date">2027年1月14日（木）18:30から</span> <a href="/ev/13">新春 経営者セミナー「事業承継の実際」</a> 会場 大阪商工会議所 4階</li>
</ul></body></html>`

func page(meta string) string {
	return string(bytes.Replace([]byte(jaPage), []byte("{{meta}}"), []byte(meta), 1))
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type decodeCase struct {
	name, contentType, meta string
}

// shortPage is too short for the bytes to tell its charset: only the header
// or the <meta> can.
const shortPage = `<h1>新年会のお知らせ</h1>`

// checkDecode encodes the page with its case's <meta> in enc and wants
// Decode to give the page back, for each case. A case named "header…" is
// also tried on shortPage.
func checkDecode(t *testing.T, enc encoding.Encoding, cases []decodeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := page(c.meta)
			got := Decode(encode(t, enc, want), c.contentType)
			if string(got) != want {
				t.Errorf("Decode(…, %q) =\n%s\nwant\n%s", c.contentType, got, want)
			}
			if strings.HasPrefix(c.name, "header") {
				if got := Decode(encode(t, enc, shortPage), c.contentType); string(got) != shortPage {
					t.Errorf("Decode(short page, %q) = %s", c.contentType, got)
				}
			}
		})
	}
}

func TestDecodeShiftJIS(t *testing.T) {
	checkDecode(t, japanese.ShiftJIS, []decodeCase{
		{"header", "text/html; charset=Shift_JIS", ""},
		{"header quoted", `text/html; charset="shift_jis"`, ""},
		{"header x-sjis", "text/html; charset=x-sjis", ""},
		{"header cp932 alias", "text/html; charset=cp932", ""},
		{"header Windows-31J", "text/html; charset=Windows-31J", ""},
		{"meta charset", "text/html", `<meta charset="Shift_JIS">`},
		{"meta http-equiv", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">`},
		{"no content type", "", `<meta charset="sjis">`},
		{"unknown header charset, meta", "text/html; charset=x-made-up", `<meta charset="Shift_JIS">`},
		{"empty header charset, meta", "text/html; charset=", `<meta charset="Shift_JIS">`},
		{"nothing named", "text/html", ""},
	})
}

func TestDecodeEUCJP(t *testing.T) {
	checkDecode(t, japanese.EUCJP, []decodeCase{
		{"header", "text/html; charset=EUC-JP", ""},
		{"header eucjp alias", "text/html; charset=eucjp", ""},
		{"header ujis alias", "text/html; charset=ujis", ""},
		{"header euc_jp alias", "text/html; charset=euc_jp", ""},
		{"header named twice", "text/html; charset=EUC-JP; charset=EUC-JP", ""},
		{"meta http-equiv", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">`},
		{"unknown header charset, meta", "text/html; charset=x-made-up", `<meta charset="euc-jp">`},
		{"nothing named", "text/html", ""},
	})
}

func TestDecodeISO2022JP(t *testing.T) {
	checkDecode(t, japanese.ISO2022JP, []decodeCase{
		{"header", "text/html; charset=ISO-2022-JP", ""},
		{"meta", "text/html", `<meta charset="iso-2022-jp">`},
	})
}

func TestDecodeUTF8(t *testing.T) {
	checkDecode(t, encoding.Nop, []decodeCase{
		{"header", "text/html; charset=utf-8", ""},
		{"header utf_8 alias", "text/html; charset=UTF_8", ""},
		{"meta", "text/html", `<meta charset="utf-8">`},
		{"nothing named", "text/html", ""},
		{"not text/html", "application/json", ""},
	})
	t.Run("BOM dropped", func(t *testing.T) {
		want := page("")
		if got := Decode(append([]byte("\xef\xbb\xbf"), want...), "text/html"); string(got) != want {
			t.Errorf("got %q", got[:20])
		}
	})
	t.Run("BOM wins over the header", func(t *testing.T) {
		want := page("")
		if got := Decode(append([]byte("\xef\xbb\xbf"), want...), "text/html; charset=Shift_JIS"); string(got) != want {
			t.Errorf("got %q", got[:20])
		}
	})
	t.Run("broken header charset kept as is", func(t *testing.T) {
		// Declared UTF-8 and not quite: the bytes are kept, the broken
		// ones left to the HTML parser, as a browser does.
		body := []byte(page("") + "\xe6\xbc")
		if got := Decode(body, "text/html; charset=utf-8"); !bytes.Equal(got, body) {
			t.Errorf("the body changed")
		}
	})
}

// UTF-8 but for a character cut in half (an excerpt cut by bytes) and
// naming no charset is read as UTF-8, not as windows-1252.
func TestDecodeMostlyUTF8(t *testing.T) {
	p := page("")
	cut := bytes.Replace([]byte(p), []byte("懇親会"), []byte("懇親"+"会"[:2]), 1)
	got := string(Decode(cut, "text/html"))
	want := bytes.Replace([]byte(p), []byte("懇親会"), []byte("懇親\uFFFD"), 1)
	if got != string(want) {
		t.Errorf("got\n%s", got)
	}
}

func TestDecodeUTF16(t *testing.T) {
	want := page("")
	for name, enc := range map[string]encoding.Encoding{
		"LE": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		"BE": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	} {
		t.Run(name, func(t *testing.T) {
			if got := Decode(encode(t, enc, want), "text/html"); string(got) != want {
				t.Errorf("got %q", got[:min(40, len(got))])
			}
		})
	}
}

// A Latin-1 page (an English page of an international association, say)
// is windows-1252, named or not.
func TestDecodeWindows1252(t *testing.T) {
	const en = `<html><body><p>Osaka Business Café – networking night, entrée ¥3,000. Résumé welcome.</p></body></html>`
	body := encode(t, charmap.Windows1252, en)
	for _, ct := range []string{"text/html; charset=windows-1252", "text/html; charset=ISO-8859-1", "text/html"} {
		if got := Decode(body, ct); string(got) != en {
			t.Errorf("%s: got %s", ct, got)
		}
	}
}

func TestDecodeASCII(t *testing.T) {
	const plain = `<html><body><a href="/event/1">Event 1</a></body></html>`
	for _, ct := range []string{"", "text/html", "text/html; charset=", "text/html; charset=x-made-up"} {
		if got := Decode([]byte(plain), ct); string(got) != plain {
			t.Errorf("%q: got %s", ct, got)
		}
	}
}

// Decode runs once per page fetched; most pages name UTF-8 in the header.
func BenchmarkDecode(b *testing.B) {
	utf8Page := []byte(page(`<meta charset="utf-8">`))
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(page(`<meta charset="shift_jis">`)))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name, ctype string
		body        []byte
	}{
		{"utf-8 header", "text/html; charset=UTF-8", utf8Page},
		{"utf-8 meta", "text/html", utf8Page},
		{"shift_jis header", "text/html; charset=Shift_JIS", sjis},
		{"shift_jis meta", "text/html", sjis},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Decode(c.body, c.ctype)
			}
		})
	}
}
