package workbook

import (
	"strings"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// The three kinds of district file, as sheet names and CSV kinds.
const (
	KindPlans     = "혁신계획"
	KindPlatforms = "플랫폼"
	KindSessions  = "교육"
)

// Kinds lists the kinds in the order a workbook holds them.
var Kinds = []string{KindPlans, KindPlatforms, KindSessions}

// Record fields by their JSON names in store's records, plus the few
// columns that only serve a check (the TFT and attendance totals) or that
// hold two fields at once (a period).
const (
	fDistrict    = store.KeyDistrict
	fYear        = store.KeyYear
	fStage       = store.KeyStage
	fSupport     = store.KeySupport
	fPeriod      = store.KeyPlanPeriod
	fStart       = store.KeyStart
	fEnd         = store.KeyEnd
	fMonths      = store.KeyMonths
	fAmount      = store.KeyAmount
	fTFTCivil    = store.KeyTFTCivil
	fTFTCouncil  = store.KeyTFTCouncil
	fTFTOfficial = store.KeyTFTOfficial
	fTFTTotal    = "tft_total"
	fFields      = store.KeyFields
	fPB          = store.KeyPB
	fNote        = store.KeyNote

	fRole    = store.KeyRole
	fOrg     = store.KeyOrg
	fRep     = store.KeyRep
	fContact = store.KeyContact

	fCourse       = store.KeyCourse
	fNumber       = store.KeyNumber
	fDate         = store.KeyDate
	fTime         = store.KeyTime
	fVenue        = store.KeyVenue
	fAudience     = store.KeyAudience
	fCapacity     = store.KeyCapacity
	fInstructor   = store.KeyInstructor
	fAttendMale   = store.KeyAttendMale
	fAttendFemale = store.KeyAttendFemale
	fAttendTotal  = "attend_total"
	fStatus       = store.KeyStatus
)

// synonyms maps each kind's header names (spaces removed) to a field: the
// contract's names first, then what offices actually write.
var synonyms = map[string]map[string]string{
	KindPlans: {
		"자치구": fDistrict, "자치구명": fDistrict, "구명": fDistrict, "구": fDistrict,
		"연도": fYear, "년도": fYear, "사업연도": fYear, "사업년도": fYear, "해당연도": fYear, "지원연도": fYear,
		"단계": fStage, "추진단계": fStage, "사업단계": fStage, "계획단계": fStage,
		"지원사항": fSupport, "지원내용": fSupport, "지원구분": fSupport, "지원유형": fSupport,
		"사업기간": fPeriod, "기간": fPeriod, "지원기간": fPeriod, "수립기간": fPeriod, "추진기간": fPeriod,
		"시작일": fStart, "사업시작일": fStart, "시작일자": fStart, "개시일": fStart, "시작": fStart,
		"종료일": fEnd, "사업종료일": fEnd, "종료일자": fEnd, "종료": fEnd,
		"개월": fMonths, "개월수": fMonths, "사업개월": fMonths, "기간(개월)": fMonths, "사업기간(개월)": fMonths,
		"지원액": fAmount, "지원(교부)액": fAmount, "교부액": fAmount, "지원금액": fAmount, "지원금": fAmount,
		"신청액": fAmount, "신청금액": fAmount, "사업비": fAmount, "금액": fAmount, "보조금": fAmount,
		"TFT민": fTFTCivil, "TFT구의원": fTFTCouncil, "TFT관": fTFTOfficial, "TFT계": fTFTTotal,
		"민": fTFTCivil, "구의원": fTFTCouncil, "관": fTFTOfficial, "계": fTFTTotal,
		"분야": fFields, "정책분야": fFields, "주요분야": fFields, "참여분야": fFields,
		"참여예산": fPB, "시민참여예산": fPB, "참여예산유형": fPB, "참여예산연계": fPB, "시민참여예산연계": fPB,
		"비고": fNote,
	},
	KindPlatforms: {
		"자치구": fDistrict, "자치구명": fDistrict, "구명": fDistrict, "구": fDistrict,
		"연도": fYear, "년도": fYear, "사업연도": fYear, "사업년도": fYear, "해당연도": fYear,
		"구분": fRole, "역할": fRole, "단체구분": fRole, "참여구분": fRole,
		"단체명": fOrg, "단체": fOrg, "기관명": fOrg, "조직명": fOrg, "컨소시엄단체": fOrg, "참여단체명": fOrg,
		"대표자": fRep, "대표자명": fRep, "대표": fRep, "성명": fRep, "이름": fRep,
		"비고": fNote, "소속": fNote,
		"연락처": fContact, "전화": fContact, "전화번호": fContact, "휴대전화": fContact, "휴대폰": fContact,
		"이메일": fContact, "전자우편": fContact,
	},
	KindSessions: {
		"과정": fCourse, "과정명": fCourse, "교육과정": fCourse, "교육과정명": fCourse,
		"회차": fNumber, "차수": fNumber,
		"일자": fDate, "교육일": fDate, "교육일자": fDate, "날짜": fDate, "일시": fDate, "교육일시": fDate,
		"시간": fTime, "교육시간": fTime, "시각": fTime,
		"자치구": fDistrict, "자치구명": fDistrict, "구": fDistrict,
		"장소": fVenue, "교육장소": fVenue,
		"대상": fAudience, "교육대상": fAudience,
		"정원": fCapacity, "모집인원": fCapacity, "교육정원": fCapacity,
		"참석남": fAttendMale, "참석여": fAttendFemale, "참석계": fAttendTotal,
		"남": fAttendMale, "여": fAttendFemale, "계": fAttendTotal,
		"남자": fAttendMale, "여자": fAttendFemale, "남성": fAttendMale, "여성": fAttendFemale,
		"강사": fInstructor, "강사명": fInstructor,
		"상태": fStatus, "진행상태": fStatus,
		"연도": fYear, "년도": fYear,
		"비고": fNote,
	},
}

// required lists, per kind, the columns a header must name; each entry is
// a set of alternatives, each alternative a set of fields.
var required = map[string][]requirement{
	KindPlans: {
		{label: "자치구", alts: [][]string{{fDistrict}}},
		{label: "연도", alts: [][]string{{fYear}}},
		{label: "단계", alts: [][]string{{fStage}}},
		{label: "사업기간", alts: [][]string{{fPeriod}, {fStart, fEnd}}, hint: "사업기간 또는 시작일·종료일"},
		{label: "지원액", alts: [][]string{{fAmount}}},
		{label: "TFT 민", alts: [][]string{{fTFTCivil}}},
		{label: "TFT 구의원", alts: [][]string{{fTFTCouncil}}},
		{label: "TFT 관", alts: [][]string{{fTFTOfficial}}},
	},
	KindPlatforms: {
		{label: "자치구", alts: [][]string{{fDistrict}}},
		{label: "연도", alts: [][]string{{fYear}}},
		{label: "구분", alts: [][]string{{fRole}}},
		{label: "대표자", alts: [][]string{{fRep}}},
	},
	KindSessions: {
		{label: "과정", alts: [][]string{{fCourse}}},
		{label: "일자", alts: [][]string{{fDate}}},
	},
}

type requirement struct {
	label string
	alts  [][]string
	hint  string
}

// met reports whether the found columns satisfy the requirement.
func (r requirement) met(cols map[string]int) bool {
	for _, alt := range r.alts {
		ok := true
		for _, f := range alt {
			if _, has := cols[f]; !has {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// partly reports whether any field of the requirement was found.
func (r requirement) partly(cols map[string]int) bool {
	for _, alt := range r.alts {
		for _, f := range alt {
			if _, has := cols[f]; has {
				return true
			}
		}
	}
	return false
}

// requiredList names a kind's required columns for a message.
func requiredList(kind string) string {
	var names []string
	for _, r := range required[kind] {
		if r.hint != "" {
			names = append(names, r.hint)
		} else {
			names = append(names, r.label)
		}
	}
	return strings.Join(names, ", ")
}

// headerKey normalises a header cell: spaces removed, ASCII upper-cased,
// marks of required columns ("*", "※") dropped. unit is a trailing note in
// parentheses, such as "천원" of "지원액(천원)", with base the name before it.
func headerKey(s string) (key, base, unit string) {
	key = strings.ToUpper(value.Compact(value.Clean(s)))
	key = strings.Trim(key, "*※")
	base = key
	if strings.HasSuffix(key, ")") {
		if i := strings.LastIndex(key, "("); i > 0 {
			base, unit = key[:i], key[i+1:len(key)-1]
		}
	}
	return key, base, unit
}

// matchHeader finds the field a header cell names in a kind, "" for none.
func matchHeader(kind, cell string) (field, unit string) {
	key, base, unit := headerKey(cell)
	if key == "" {
		return "", ""
	}
	syn := synonyms[kind]
	if f, ok := syn[key]; ok {
		return f, ""
	}
	if unit == "개월" && kind == KindPlans {
		switch base {
		case "기간", "사업기간", "지원기간":
			return fMonths, unit
		}
	}
	if f, ok := syn[base]; ok {
		return f, unit
	}
	switch kind {
	case KindPlans:
		if f := matchTFT(key); f != "" {
			return f, ""
		}
		return matchTFT(base), unit
	case KindSessions:
		if f := matchAttendance(parens.Replace(key)); f != "" {
			return f, ""
		}
		return matchAttendance(base), unit
	}
	return "", ""
}

var (
	tftNoise = strings.NewReplacer("(", "", ")", "", "·", "", "_", "", "-", "", "T/F", "TFT")
	parens   = strings.NewReplacer("(", "", ")", "")
)

// matchTFT reads the task-force columns as offices head them: "TFT 민",
// "민관TFT 민", "민관TFT 구성 계" (a two-row header), "TFT(관)".
func matchTFT(key string) string {
	k := tftNoise.Replace(key)
	if strings.Contains(k, "분야") {
		return fFields
	}
	i := strings.LastIndex(k, "TFT")
	if i < 0 {
		return ""
	}
	rest := k[i+len("TFT"):]
	for _, p := range []string{"구성", "인원", "위원"} {
		rest = strings.TrimPrefix(rest, p)
	}
	switch rest {
	case "민", "민간":
		return fTFTCivil
	case "구의원", "의원":
		return fTFTCouncil
	case "관", "공무원":
		return fTFTOfficial
	case "계", "합계", "총원":
		return fTFTTotal
	}
	return ""
}

// matchAttendance reads attendance columns: "참석 남", "참석인원 여",
// "참가자 계".
func matchAttendance(key string) string {
	for _, p := range []string{"참석인원", "참석자", "참석", "참가인원", "참가자", "참가", "출석", "수료"} {
		if rest, ok := strings.CutPrefix(key, p); ok {
			switch rest {
			case "남", "남자", "남성":
				return fAttendMale
			case "여", "여자", "여성":
				return fAttendFemale
			case "계", "합계", "":
				return fAttendTotal
			}
		}
	}
	return ""
}

// sheetKind finds the kind a sheet name stands for; exact reports whether
// the name is the contract's own.
func sheetKind(name string) (kind string, exact bool) {
	k := value.Compact(name)
	for _, kind := range Kinds {
		if k == kind {
			return kind, true
		}
	}
	switch {
	case strings.Contains(k, "혁신계획"):
		return KindPlans, false
	case strings.Contains(k, "플랫폼"):
		return KindPlatforms, false
	case strings.Contains(k, "협치학교"), strings.Contains(k, "교육"):
		return KindSessions, false
	}
	return "", false
}
