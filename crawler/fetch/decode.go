package fetch

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Decode returns body as UTF-8. It is the one place that decides a body's
// charset, in this order, as a browser does:
//
//  1. a byte order mark;
//  2. the charset of contentType, when a decoder knows it, under its own
//     name or a name Japanese sites give it (cp932, x-sjis, eucjp, ujis…);
//     an unknown or empty one is passed over;
//  3. the page's own <meta charset> or <meta http-equiv="Content-Type">
//     (Shift_JIS and EUC-JP sites often name it only there);
//  4. the bytes: valid UTF-8 is UTF-8, and so is UTF-8 but for a few broken
//     bytes (an excerpt cut inside a character); otherwise a detector picks
//     among the Japanese charsets, and windows-1252 is the last resort.
//
// A body that does not decode is returned as it is.
func Decode(body []byte, contentType string) []byte {
	enc, name := determine(body, contentType)
	switch {
	case name == "utf-8":
		return bytes.TrimPrefix(body, utf8BOM)
	case name == "windows-1252" && !declaresCharset(body):
		// Nothing names the charset: guess from the bytes.
		if mostlyUTF8(body) {
			return bytes.ToValidUTF8(bytes.TrimPrefix(body, utf8BOM), []byte("\uFFFD"))
		}
		if r, err := chardet.NewHtmlDetector().DetectBest(body); err == nil && r.Confidence >= 50 {
			if e, _ := charset.Lookup(r.Charset); e != nil {
				enc = e
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	// A UTF-16 BOM comes out as U+FEFF: no part of the page.
	return bytes.TrimPrefix(out, utf8BOM)
}

var utf8BOM = []byte("\xef\xbb\xbf")

// determine is steps 1–3 of Decode and the UTF-8 test of step 4; failing
// them all it answers windows-1252, the WHATWG default.
func determine(body []byte, contentType string) (encoding.Encoding, string) {
	label := headerCharset(contentType)
	if label == "utf-8" && !bytes.HasPrefix(body, []byte{0xfe, 0xff}) && !bytes.HasPrefix(body, []byte{0xff, 0xfe}) {
		// Most pages: the header says UTF-8 and no UTF-16 BOM says otherwise.
		return encoding.Nop, "utf-8"
	}
	if label != "" {
		// A BOM still wins over the header, as WHATWG says.
		if e, name, certain := charset.DetermineEncoding(body, "text/html; charset="+label); certain {
			return e, name
		}
	}
	e, name, _ := charset.DetermineEncoding(body, "")
	if e == encoding.Nop {
		name = "utf-8"
	}
	return e, name
}

// headerCharset is the charset named by contentType as a WHATWG label, or
// "" when it names none or one no decoder knows.
func headerCharset(contentType string) string {
	lower := strings.ToLower(contentType) // no copy when it is lower case already
	if !strings.Contains(lower, "charset") {
		return ""
	}
	if v := strings.TrimSpace(rawCharset(lower)); v == "utf-8" || v == `"utf-8"` {
		return "utf-8" // most pages, without parsing the header
	}
	var label string
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	} else {
		// A header mime refuses (a charset named twice, say) may still
		// name one: read the first.
		label = rawCharset(contentType)
	}
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return ""
	}
	if e, _ := charset.Lookup(label); e != nil {
		return label
	}
	return charsetAliases[label]
}

// rawCharset returns what follows the first "charset=" of a Content-Type,
// up to a ';'.
func rawCharset(contentType string) string {
	i := strings.Index(strings.ToLower(contentType), "charset=")
	if i < 0 {
		return ""
	}
	v := contentType[i+len("charset="):]
	if j := strings.IndexByte(v, ';'); j >= 0 {
		v = v[:j]
	}
	return v
}

// charsetAliases are names Japanese sites give their charset that the WHATWG
// encoding standard (and so golang.org/x/net/html/charset) does not know,
// with the encoding they mean.
var charsetAliases = map[string]string{
	"cp932":      "shift_jis", // Windows-31J, which WHATWG's Shift_JIS decodes
	"x-ms-cp932": "shift_jis",
	"sjis-win":   "shift_jis",
	"eucjp":      "euc-jp",
	"euc_jp":     "euc-jp",
	"eucjp-win":  "euc-jp",
	"ujis":       "euc-jp",
	"utf_8":      "utf-8",
}

// mostlyUTF8 reports a body with at least 20 times as many valid multi-byte
// UTF-8 sequences as invalid bytes. Japanese text in Shift_JIS or EUC-JP is
// far from it: most of their byte pairs are not valid UTF-8.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid > 0 && valid >= 20*invalid
}

// declaresCharset reports whether the start of body names a charset (a
// <meta> the prescan could not use: nothing to guess then).
func declaresCharset(body []byte) bool {
	head := body[:min(len(body), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
