package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// parseDate reads one date. serial allows a spreadsheet's date serial
// number (what a date cell holds); date1904 is the workbook's epoch.
func parseDate(raw string, serial, date1904 bool) (store.Date, error) {
	s := value.Clean(raw)
	if serial && value.IsDateNumber(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil && f >= 1 && f < 2958466 {
			t, err := excelize.ExcelDateToTime(math.Floor(f), date1904)
			if err == nil {
				return value.CheckDateYear(s, value.DateOf(t))
			}
		}
		return "", fmt.Errorf("%q 은(는) 날짜가 아닙니다 (%s)", s, value.DateExample)
	}
	return value.ReadDate(s)
}

// parseDistrict reads a district name with or without 구 and with or
// without the city in front: "관악", "관악구", "서울특별시 관악구".
func parseDistrict(raw string) (string, error) {
	s := value.Clean(raw)
	if s == "" {
		return "", value.ErrEmpty
	}
	t := value.Compact(s)
	for _, city := range []string{"서울특별시", "서울시", "서울"} {
		if v, ok := strings.CutPrefix(t, city); ok && v != "" {
			t = v
			break
		}
	}
	if d, ok := store.NormalizeDistrict(t); ok {
		return d, nil
	}
	return "", fmt.Errorf("%q 은(는) 서울의 자치구가 아닙니다 (예: 관악구, 중구)", s)
}

// parseParticipatoryBudget reads 참여예산: 일반형, or 계획형 / 융합형 / 계획형(융합형) as one type, or none.
func parseParticipatoryBudget(raw string) (string, error) {
	s := value.Clean(raw)
	switch value.Compact(s) {
	case "", "-", "없음", "해당없음", "미참여", "x", "X":
		return "", nil
	}
	if pb, ok := store.ParsePB(s); ok {
		return pb, nil
	}
	return "", fmt.Errorf("%q 은(는) 참여예산 유형이 아닙니다 (일반형, 계획형(융합형) 또는 빈칸; 계획형과 융합형은 같은 유형)", s)
}

// parseRole reads 구분 of a roster line; "대표", "참여" and "책임자" are
// accepted shorthands.
func parseRole(raw string) (store.Role, error) {
	s := value.Clean(raw)
	if s == "" {
		return "", value.ErrEmpty
	}
	switch value.Compact(s) {
	case "대표", "대표단체", "주관단체":
		return store.RoleLead, nil
	case "참여", "참여단체":
		return store.RoleMember, nil
	case "책임자", "플랫폼책임자":
		return store.RoleManager, nil
	}
	return store.ParseRole(s)
}

// parseStatus reads a session's 상태.
func parseStatus(raw string) (string, error) {
	s := value.Clean(raw)
	if s == "" {
		return "", nil
	}
	for _, st := range store.Labels(store.SessionStatuses) {
		if value.Compact(s) == st {
			return st, nil
		}
	}
	return "", fmt.Errorf("%q 은(는) 상태가 아닙니다 (%s 중 하나)", s, strings.Join(store.Labels(store.SessionStatuses), ", "))
}
