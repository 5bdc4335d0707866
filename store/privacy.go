package store

import (
	"encoding/json"
	"regexp"
	"strings"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(\+?\d{2,3})([-.\s)]?)(\d{3,4})([-.\s]?)(\d{4})`)
)

// MaskContact hides personal contact data outside the edit form: a phone
// number keeps its first group and last four digits (010-****-1234), an
// e-mail address its first letter and domain (k***@example.kr). Other text
// around them stays.
func MaskContact(s string) string {
	s = strings.TrimSpace(s)
	masked := emailRe.ReplaceAllStringFunc(s, func(m string) string {
		at := strings.IndexByte(m, '@')
		r := []rune(m[:at])
		return string(r[0]) + "***" + m[at:]
	})
	masked = phoneRe.ReplaceAllStringFunc(masked, func(m string) string {
		p := phoneRe.FindStringSubmatch(m)
		return p[1] + p[2] + strings.Repeat("*", len(p[3])) + p[4] + p[5]
	})
	if masked == s {
		// an address the pattern does not know, e.g. a Hangul local part
		if at := strings.IndexByte(s, '@'); at > 0 && !strings.ContainsAny(s, " \t") {
			return string([]rune(s[:at])[0]) + "***" + s[at:]
		}
	}
	return masked
}

// contactJSON finds a contact field in a record's JSON.
var contactJSON = regexp.MustCompile(`"contact":"((?:[^"\\]|\\.)*)"`)

// MaskRecordJSON masks every contact field of a record's JSON (an audit
// entry's before and after), leaving the rest as it is.
func MaskRecordJSON(s string) string {
	if !strings.Contains(s, `"contact":"`) {
		return s
	}
	return contactJSON.ReplaceAllStringFunc(s, func(m string) string {
		var v string
		if err := json.Unmarshal([]byte(m[len(`"contact":`):]), &v); err != nil {
			return `"contact":"***"`
		}
		b, _ := json.Marshal(MaskContact(v)) // a string always marshals
		return `"contact":` + string(b)
	})
}

// keepContacts gives members read back from a file the stored contact
// they were sent out with masked (the district workbook never carries a
// contact in full): "010-****-2222" returned as it was keeps the stored
// "010-1111-2222". A member is the same by role, organisation and
// representative.
func keepContacts(members, stored []Member) {
	for i := range members {
		m := &members[i]
		if !strings.Contains(m.Contact, "*") {
			continue
		}
		for _, o := range stored {
			if o.Role == m.Role && o.Org == m.Org && o.Rep == m.Rep && o.Contact != "" && MaskContact(o.Contact) == m.Contact {
				m.Contact = o.Contact
				break
			}
		}
	}
}
