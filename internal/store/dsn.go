package store

import (
	"errors"
	"net/url"
	"strings"
)

// redactMask replaces every secret Redact finds (as net/url's Redacted does).
const redactMask = "xxxxx"

// Redact returns the database URL or keyword/value DSN dsn with every
// password hidden, for log lines and error messages: the userinfo password
// (postgres://user:secret@host/db), a password or sslpassword query
// parameter (…/db?password=secret), and a password or sslpassword keyword
// (host=db password=secret, password = 'a \'quoted\' one'). Everything else
// is kept as written. A string that does not parse is masked from the first
// place a password could start, rather than shown. "" stays "".
func Redact(dsn string) string {
	masked, _ := redact(dsn)
	return masked
}

// redact is Redact that also returns the secrets it hid, as written.
func redact(dsn string) (string, []string) {
	if dsn == "" {
		return "", nil
	}
	if isURL(dsn) {
		return redactURL(dsn)
	}
	return redactKeywordValue(dsn)
}

func isURL(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") || strings.Contains(dsn, "://")
}

// secretKey reports whether a connection parameter holds a password. pgx and
// libpq know two: password and sslpassword (the client key's passphrase).
func secretKey(k string) bool {
	k = strings.ToLower(strings.TrimSpace(k))
	return k == "password" || k == "sslpassword"
}

// redactURL masks the userinfo password and the secret query parameters of a
// URL. pgx reads a URL with net/url, so where net/url finds the password is
// where it is; a URL net/url refuses (or reads with an '@' left in its path,
// query or fragment, the sign of an unescaped character in a password) is
// masked from the userinfo's ':' to the last '@'.
func redactURL(dsn string) (string, []string) {
	u, err := url.Parse(dsn)
	if err != nil || strings.Contains(u.Path, "@") || strings.Contains(u.Fragment, "@") {
		return redactBrokenURL(dsn)
	}
	var secrets []string
	if p, ok := u.User.Password(); ok {
		secrets = append(secrets, p)
		u.User = url.UserPassword(u.User.Username(), redactMask)
	}
	q, qs := redactQuery(u.RawQuery)
	u.RawQuery = q
	secrets = append(secrets, qs...)
	if len(secrets) == 0 {
		return dsn, nil
	}
	return u.String(), secrets
}

// redactQuery masks the values of the secret keys of a raw query, keeping
// the rest byte for byte.
func redactQuery(raw string) (string, []string) {
	if raw == "" {
		return raw, nil
	}
	var secrets []string
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, v, _ := strings.Cut(p, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if !secretKey(k) {
			continue
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			secrets = append(secrets, dv)
		}
		secrets = append(secrets, v)
		parts[i] = p[:strings.Index(p+"=", "=")] + "=" + redactMask
	}
	return strings.Join(parts, "&"), secrets
}

// redactBrokenURL masks a URL that does not parse: from the ':' after the
// user name to the last '@' (a password may hold any character), and every
// secret query parameter after that.
func redactBrokenURL(dsn string) (string, []string) {
	scheme, rest, _ := strings.Cut(dsn, "://")
	var secrets []string
	head := ""
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		user := rest[:at]
		if colon := strings.Index(user, ":"); colon >= 0 {
			secrets = append(secrets, user[colon+1:])
			user = user[:colon+1] + redactMask
		}
		head, rest = user+"@", rest[at+1:]
	}
	if i := strings.Index(rest, "?"); i >= 0 {
		q, qs := redactQuery(rest[i+1:])
		rest = rest[:i+1] + q
		secrets = append(secrets, qs...)
	}
	return scheme + "://" + head + rest, secrets
}

// errUnterminated is a quoted value without its closing quote.
var errUnterminated = errors.New("unterminated quoted value")

// redactKeywordValue masks the secret values of a keyword/value DSN, read as
// libpq reads one: keyword, optional spaces, '=', optional spaces, then a
// value in single quotes (backslash escapes a quote or a backslash) or a run
// of non-space characters. What does not read that way from a secret keyword
// on is masked whole.
func redactKeywordValue(dsn string) (string, []string) {
	var (
		out     strings.Builder
		secrets []string
	)
	s := dsn
	for {
		i := 0
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		out.WriteString(s[:i])
		s = s[i:]
		if s == "" {
			return out.String(), secrets
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			out.WriteString(s)
			return out.String(), secrets
		}
		key := s[:eq]
		j := eq + 1
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		out.WriteString(s[:j])
		s = s[j:]
		val, n, err := keywordValue(s)
		if secretKey(key) {
			if err != nil {
				secrets = append(secrets, s)
				out.WriteString(redactMask)
				return out.String(), secrets
			}
			if val != "" {
				secrets = append(secrets, val)
			}
			out.WriteString(redactMask)
		} else {
			if err != nil {
				out.WriteString(s)
				return out.String(), secrets
			}
			out.WriteString(s[:n])
		}
		s = s[n:]
	}
}

// keywordValue reads the value at the start of s: its text unescaped and the
// bytes it takes.
func keywordValue(s string) (string, int, error) {
	var v strings.Builder
	if strings.HasPrefix(s, "'") {
		for i := 1; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\\' && i+1 < len(s):
				i++
				v.WriteByte(s[i])
			case c == '\'':
				return v.String(), i + 1, nil
			default:
				v.WriteByte(c)
			}
		}
		return "", 0, errUnterminated
	}
	i := 0
	for ; i < len(s) && !isSpace(s[i]); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		v.WriteByte(s[i])
	}
	return v.String(), i, nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// scrubbed is an error whose message has the database's secrets masked, in
// case a driver's message quotes the DSN; errors.Is and As see the original.
type scrubbed struct {
	err     error
	secrets []string
}

func (e *scrubbed) Error() string {
	msg := e.err.Error()
	for _, s := range e.secrets {
		// A secret of a character or two would mask unrelated text; no
		// driver quotes a password that short on its own.
		if len(s) >= 3 {
			msg = strings.ReplaceAll(msg, s, redactMask)
		}
	}
	return msg
}

func (e *scrubbed) Unwrap() error { return e.err }

// scrub wraps err so that no secret of dsn shows in its message.
func scrub(err error, dsn string) error {
	if err == nil {
		return nil
	}
	_, secrets := redact(dsn)
	if len(secrets) == 0 {
		return err
	}
	return &scrubbed{err: err, secrets: secrets}
}
