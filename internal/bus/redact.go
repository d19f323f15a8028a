package bus

import (
	"errors"
	"net/url"
	"strings"
)

// redactMask replaces a secret in a URL, as in the database URLs.
const redactMask = "xxxxx"

// RedactURLs returns urls, NATS server URLs separated by commas, with their
// secrets hidden, for log lines and error messages: the password of
// nats://user:password@host, and the token of nats://token@host (a user
// name alone is a token to NATS, and as secret as a password). A URL that
// does not parse loses everything before its last '@'. The rest is kept.
func RedactURLs(urls string) string {
	if !strings.Contains(urls, "@") {
		return urls
	}
	parts := strings.Split(urls, ",")
	for i, u := range parts {
		parts[i] = redactURL(u)
	}
	return strings.Join(parts, ",")
}

func redactURL(raw string) string {
	at := strings.LastIndex(raw, "@")
	if at < 0 {
		return raw
	}
	full := raw
	if !strings.Contains(raw, "://") {
		full = "nats://" + raw // as nats.Connect reads it
	}
	p, err := url.Parse(full)
	if err != nil || p.User == nil {
		start := strings.Index(raw, "://") + len("://")
		if start < len("://") || start > at {
			start = 0
		}
		return raw[:start] + redactMask + raw[at:]
	}
	if _, ok := p.User.Password(); ok {
		p.User = url.UserPassword(p.User.Username(), redactMask)
	} else {
		p.User = url.User(redactMask)
	}
	s := p.String()
	if full != raw {
		s = strings.TrimPrefix(s, "nats://")
	}
	return s
}

// redactErr is err's text with the URLs in it redacted: net/url's parse
// errors quote the whole URL.
func redactErr(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + " " + redactURL(ue.URL) + ": " + ue.Err.Error()
	}
	return err.Error()
}
