package store

import "strings"

// Districts are Seoul's 25 autonomous districts (자치구) in the order the
// city lists them. This is the one place their names live.
var Districts = []string{
	"종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구",
	"강북구", "도봉구", "노원구", "은평구", "서대문구", "마포구", "양천구", "강서구",
	"구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구",
	"강동구",
}

// Regions are the four 권역 the plan divides the districts into.
var Regions = []string{"동북권", "서북권", "서남권", "동남권"}

// DefaultRegion is the shipped split of districts into regions; the plan
// does not list one, so the coordinator may change it in 설정.
var DefaultRegion = map[string]string{
	"종로구": "서북권", "중구": "서북권", "용산구": "서북권", "은평구": "서북권", "서대문구": "서북권", "마포구": "서북권",
	"성동구": "동북권", "광진구": "동북권", "동대문구": "동북권", "중랑구": "동북권", "성북구": "동북권", "강북구": "동북권", "도봉구": "동북권", "노원구": "동북권",
	"양천구": "서남권", "강서구": "서남권", "구로구": "서남권", "금천구": "서남권", "영등포구": "서남권", "동작구": "서남권", "관악구": "서남권",
	"서초구": "동남권", "강남구": "동남권", "송파구": "동남권", "강동구": "동남권",
}

// NormalizeDistrict turns what a person or a file writes for a district
// ("관악", " 관악구 ", "관 악 구") into its full name. 중구 stays 중구.
func NormalizeDistrict(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return "", false
	}
	for _, d := range Districts {
		if s == d || s+"구" == d {
			return d, true
		}
	}
	return "", false
}

// IsDistrict reports whether name is one of the 25 full district names.
func IsDistrict(name string) bool {
	for _, d := range Districts {
		if d == name {
			return true
		}
	}
	return false
}
