package main

import (
	"fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/xuri/excelize/v2"
	_ "go.etcd.io/bbolt"
	_ "golang.org/x/text/encoding/korean"
)

func main() { _ = app.New }
