package main

import (
	"fmt"
	"io"
)

func cmdImport(o opts, rest []string, stdout io.Writer) error {
	return fmt.Errorf("가져오기는 아직 준비 중입니다")
}

func cmdExport(o opts, rest []string, stdout io.Writer) error {
	return fmt.Errorf("내보내기는 아직 준비 중입니다")
}

func cmdTemplate(o opts, rest []string, stdout io.Writer) error {
	return fmt.Errorf("양식 만들기는 아직 준비 중입니다")
}
