package store

import (
	"encoding/json"
	"regexp"
	"strings"

	"hyeopchi/store/value"
)

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
		b, _ := json.Marshal(value.MaskContact(v)) // a string always marshals
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
			if o.Role == m.Role && o.Org == m.Org && o.Rep == m.Rep && o.Contact != "" && value.MaskContact(o.Contact) == m.Contact {
				m.Contact = o.Contact
				break
			}
		}
	}
}
