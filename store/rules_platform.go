package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"hyeopchi/store/value"
)

// The programme's limits for a citizen cooperation platform (Ⅵ).
const (
	PlatformGrantCap     = 100000 // 천원 per 12 months of support
	PlatformMonthsCap    = 36     // months of support in all, per district
	PlatformMinSpace     = 50     // ㎡
	platformMonthsInYear = 12
)

// Where a platform's problems sit. Consortium fields use their JSON name
// ("grant", "space"). Roster problems use:
//
//	"members"              the roster as a whole (one 대표 단체, one 플랫폼책임자)
//	"members[i].<field>"   member i (0-based index into Platform.Members),
//	                       field its JSON name: role, org, rep, note, contact
//	"indicators[i].<field>" indicator i likewise: name, target, result
//
// Messages name the member by its 1-based row ("구성원 3행"), as the
// coordinator sees the roster; forms show every "members…" problem at the
// roster.

// MemberField is the Problem.Field of member i's field.
func MemberField(i int, field string) string { return fmt.Sprintf("members[%d].%s", i, field) }

// IndicatorField is the Problem.Field of indicator i's field.
func IndicatorField(i int, field string) string {
	return fmt.Sprintf("indicators[%d].%s", i, field)
}

// IsRosterField reports whether a problem's field is the roster's or one
// of its members'.
func IsRosterField(field string) bool {
	return field == "members" || strings.HasPrefix(field, "members[")
}

// CheckPlatform judges a consortium against the programme's rules. others
// are the other consortia of the same district (any year); a consortium
// of another district among them is ignored.
func CheckPlatform(p Platform, others []Platform) Problems {
	var ps Problems
	checkDistrict(&ps, "district", p.District, true)
	checkYear(&ps, p.Year)
	var used []Platform // the district's other consortia
	for _, o := range others {
		if o.District != p.District || (o.ID != 0 && o.ID == p.ID) {
			continue
		}
		if PlatformIdentity(o) == PlatformIdentity(p) {
			ps.errorf(KeyYear, "%d년 %s 시민협력플랫폼이 이미 있습니다 (자치구별 한 해 1개 컨소시엄)", p.Year, p.District)
		}
		used = append(used, o)
	}
	if strings.TrimSpace(p.Name) == "" {
		ps.errorf(KeyName, "컨소시엄 이름을 입력하세요 (예: %s)", PlatformName(cmp.Or(p.District, "강북구")))
	}
	switch {
	case p.Space == 0:
		// not known yet, as for a consortium first met in a district's roster file
		ps.warnf(KeySpace, "공간 면적을 입력하세요 (요건: %d㎡ 이상)", PlatformMinSpace)
	case p.Space < 0:
		ps.errorf(KeySpace, "공간 면적 %d㎡ 은(는) 0보다 커야 합니다 (요건: %d㎡ 이상)", p.Space, PlatformMinSpace)
	case p.Space < PlatformMinSpace:
		ps.errorf(KeySpace, "공간 면적 %d㎡ 이(가) 요건(%d㎡ 이상)에 못 미칩니다", p.Space, PlatformMinSpace)
	}
	if _, ok := GrowthStages[p.Growth]; !ok {
		if p.Growth == 0 {
			// not known yet, as for the plan's 2016 consortia
			ps.warnf(KeyGrowth, "성장 단계를 고르세요 (1 네트워크 구축, 2 자립화 전략, 3 자립화 완료 중 하나)")
		} else {
			ps.errorf(KeyGrowth, "성장 단계 %d 을(를) 알 수 없습니다 (1 네트워크 구축, 2 자립화 전략, 3 자립화 완료 중 하나)", p.Growth)
		}
	}
	if !slices.Contains(PlatformStatuses, p.Status) {
		if p.Status == "" {
			ps.warnf(KeyStatus, "선정 단계를 고르세요 (%s)", strings.Join(Labels(PlatformStatuses), " → "))
		} else {
			ps.errorf(KeyStatus, "선정 단계 %q 을(를) 알 수 없습니다 (%s 중 하나)", p.Status, strings.Join(Labels(PlatformStatuses), ", "))
		}
	}
	checkDate(&ps, "start_on", "사업 개시일", p.StartOn)
	checkPlatformGrant(&ps, p, used)
	checkPlatformSpan(&ps, p, used)
	checkPlatformGrowth(&ps, p, used)
	checkPlatformRoster(&ps, p.Members)
	checkPlatformIndicators(&ps, p.Indicators)
	return ps
}

// checkPlatformGrowth warns when a consortium's growth stage goes down
// from the district's year before (성장 단계 1 → 2 → 3).
func checkPlatformGrowth(ps *Problems, p Platform, used []Platform) {
	var prev *Platform
	for i, o := range used {
		if o.Year < p.Year && (prev == nil || o.Year > prev.Year) {
			prev = &used[i]
		}
	}
	if prev == nil || p.Growth == 0 || prev.Growth <= p.Growth {
		return
	}
	ps.warnf(KeyGrowth, "성장 단계가 %d년 %s에서 %d년 %s(으)로 내려갑니다 (1 → 2 → 3 단계로 성장)",
		prev.Year, growthText(prev.Growth), p.Year, growthText(p.Growth))
}

func growthText(g int) string {
	if l, ok := GrowthStages[g]; ok {
		return fmt.Sprintf("%d단계(%s)", g, l)
	}
	return fmt.Sprintf("%d단계", g)
}

// checkPlatformIndicators: every indicator has a name; once a consortium
// has indicators, it has both kinds (공통 지표 and 개별 지표), each with a
// target for its year.
func checkPlatformIndicators(ps *Problems, inds []Indicator) {
	var common, own int
	for i, ind := range inds {
		name := strings.TrimSpace(ind.Name)
		if name == "" {
			ps.errorf(IndicatorField(i, "name"), "성과지표 %d행: 지표 이름을 입력하세요", i+1)
		} else if strings.TrimSpace(ind.Target) == "" {
			ps.warnf(IndicatorField(i, "target"), "성과지표 %d행(%s): 목표가 없습니다", i+1, name)
		}
		if ind.Common {
			common++
		} else {
			own++
		}
	}
	switch {
	case len(inds) == 0:
	case common == 0:
		ps.warnf(KeyIndicators, "성과지표에 공통 지표가 없습니다 (공통 지표와 개별 지표를 구분하여 둡니다; 개별 지표 %d개)", own)
	case own == 0:
		ps.warnf(KeyIndicators, "성과지표에 개별 지표가 없습니다 (공통 지표와 개별 지표를 구분하여 둡니다; 공통 지표 %d개)", common)
	}
}

// SupportEnd is the last day of a consortium's support: its months from
// the 사업 개시일; "" without a start date.
func (p Platform) SupportEnd() Date {
	if p.StartOn.IsZero() || !p.StartOn.Valid() || p.Months <= 0 {
		return ""
	}
	return periodEnd(p.StartOn, p.Months)
}

// checkPlatformSpan: support runs 12 months from each 사업 개시일, up to
// 36 months from the district's first. The months from the first start
// to the end of this year's support count; two years' support may not
// overlap.
func checkPlatformSpan(ps *Problems, p Platform, used []Platform) {
	end := p.SupportEnd()
	if end.IsZero() {
		return
	}
	first := p
	for _, o := range used {
		if o.StartOn.IsZero() || !o.StartOn.Valid() {
			continue
		}
		if o.StartOn < first.StartOn {
			first = o
		}
		if oe := o.SupportEnd(); !oe.IsZero() && o.StartOn <= end && p.StartOn <= oe {
			ps.errorf(KeyStartOn, "지원 기간 %s ~ %s 이(가) %d년 지원 기간 %s ~ %s 와(과) 겹칩니다 (사업 개시일로부터 12개월씩)",
				p.StartOn, end, o.Year, o.StartOn, oe)
		}
	}
	if n := value.MonthsBetween(first.StartOn, end); n > PlatformMonthsCap {
		ps.errorf(KeyStartOn, "%d년 사업 개시일 %s 부터 %s 까지 %d개월로 최대 %d개월을 넘습니다 (사업 개시일로부터 12개월씩 최대 36개월)",
			first.Year, first.StartOn, end, n, PlatformMonthsCap)
	}
}

// checkPlatformGrant: at most 100,000천원 per 12 months of support, at most
// 12 months in a year and 36 months over all the district's consortia.
func checkPlatformGrant(ps *Problems, p Platform, used []Platform) {
	if p.Grant < 0 {
		ps.errorf(KeyGrant, "지원액 %s천원 이(가) 음수입니다", value.Thousands(p.Grant))
	}
	switch {
	case p.Months < 0 || p.Months > platformMonthsInYear:
		ps.errorf(KeyMonths, "지원 개월 수 %d 이(가) 올바르지 않습니다 (한 해 0~12개월)", p.Months)
	case p.Months == 0 && p.Grant > 0:
		// not known yet, as for the plan's 2016 consortia
		ps.warnf(KeyMonths, "지원액이 있으면 지원 개월 수를 입력하세요 (1~12개월)")
	}
	switch {
	case p.Grant > PlatformGrantCap:
		ps.errorf(KeyGrant, "지원액 %s천원 이(가) 연 한도 %s천원을 넘습니다 (12개월 기준 최대 1억)", value.Thousands(p.Grant), value.Thousands(PlatformGrantCap))
	case p.Months > 0 && p.Months < platformMonthsInYear && p.Grant > PlatformGrantCapFor(p.Months):
		ps.warnf(KeyGrant, "지원액 %s천원 이(가) %d개월 기준 한도 %s천원(100,000천원 × %d/12)을 넘습니다",
			value.Thousands(p.Grant), p.Months, value.Thousands(PlatformGrantCapFor(p.Months)), p.Months)
	}
	if p.Months <= 0 {
		return
	}
	before := 0
	var years []string
	slices.SortFunc(used, func(a, b Platform) int { return a.Year - b.Year })
	for _, o := range used {
		if o.Months > 0 {
			before += o.Months
			years = append(years, fmt.Sprintf("%d년 %d개월", o.Year, o.Months))
		}
	}
	if before+p.Months > PlatformMonthsCap {
		ps.errorf(KeyMonths, "%s 지원 기간이 모두 %d개월로 최대 %d개월을 넘습니다 (다른 해: %s)",
			p.District, before+p.Months, PlatformMonthsCap, strings.Join(years, ", "))
	}
}

// PlatformGrantCapFor is the grant cap for months of support: 100,000천원
// per 12 months, pro rata, rounded down to the 천원.
func PlatformGrantCapFor(months int) int64 {
	if months >= platformMonthsInYear {
		return PlatformGrantCap
	}
	return PlatformGrantCap * int64(max(months, 0)) / platformMonthsInYear
}

// PlatformMonthsUsed is the months of support over consortia (a district's).
func PlatformMonthsUsed(ps []Platform) int {
	n := 0
	for _, p := range ps {
		n += max(p.Months, 0)
	}
	return n
}

// checkPlatformRoster: exactly one 대표 단체 and one 플랫폼책임자; every
// organisation row names its organisation and representative, the
// manager row the manager; no organisation twice.
func checkPlatformRoster(ps *Problems, ms []Member) {
	var leads, managers []string
	members := 0
	seen := map[string]int{} // OrgKey → first row
	for i, m := range ms {
		row := i + 1
		switch m.Role {
		case RoleLead:
			leads = append(leads, cmp.Or(strings.TrimSpace(m.Org), fmt.Sprintf("%d행", row)))
		case RoleManager:
			managers = append(managers, cmp.Or(strings.TrimSpace(m.Rep), fmt.Sprintf("%d행", row)))
		case RoleMember:
			members++
		case "":
			ps.errorf(MemberField(i, "role"), "구성원 %d행: 구분을 고르세요 (대표 단체, 참여 단체, 플랫폼책임자 중 하나)", row)
		default:
			ps.errorf(MemberField(i, "role"), "구성원 %d행: 구분 %q 을(를) 알 수 없습니다 (대표 단체, 참여 단체, 플랫폼책임자 중 하나)", row, string(m.Role))
		}
		org, rep := strings.TrimSpace(m.Org), strings.TrimSpace(m.Rep)
		if m.Role == RoleManager {
			if rep == "" {
				ps.errorf(MemberField(i, "rep"), "구성원 %d행(플랫폼책임자): 책임자 이름을 입력하세요", row)
			}
		} else {
			if org == "" {
				ps.errorf(MemberField(i, "org"), "구성원 %d행(%s): 단체명을 입력하세요", row, cmp.Or(string(m.Role), "구분 없음"))
			}
			if rep == "" && org != "" {
				ps.errorf(MemberField(i, "rep"), "구성원 %d행(%s): 대표자 명을 입력하세요", row, org)
			}
		}
		if k := OrgKey(org); k != "" && m.Role != RoleManager {
			if first, dup := seen[k]; dup {
				ps.errorf(MemberField(i, "org"), "구성원 %d행: 단체 %q 이(가) %d행과 겹칩니다", row, org, first)
			} else {
				seen[k] = row
			}
		}
		if c := strings.TrimSpace(m.Contact); c != "" && !value.IsContact(c) {
			ps.warnf(MemberField(i, "contact"), "구성원 %d행: 연락처 %s 이(가) 전화번호(예: 010-1234-5678)나 전자우편 형식이 아닙니다", row, value.MaskContact(c))
		}
	}
	switch len(leads) {
	case 1:
	case 0:
		ps.errorf(KeyMembers, "대표 단체가 없습니다 (컨소시엄마다 대표 단체 1개)")
	default:
		ps.errorf(KeyMembers, "대표 단체가 %d개입니다 (%s): 컨소시엄마다 대표 단체는 1개만 둘 수 있습니다", len(leads), strings.Join(leads, ", "))
	}
	if len(leads) > 0 && members == 0 {
		ps.errorf(KeyMembers, "참여 단체가 없습니다: 컨소시엄은 대표 단체와 참여 단체 1개 이상으로 구성합니다")
	}
	switch len(managers) {
	case 1:
	case 0:
		ps.errorf(KeyMembers, "플랫폼책임자가 없습니다 (요건: 플랫폼책임자 1명)")
	default:
		ps.errorf(KeyMembers, "플랫폼책임자가 %d명입니다 (%s): 컨소시엄마다 1명만 둘 수 있습니다", len(managers), strings.Join(managers, ", "))
	}
}
