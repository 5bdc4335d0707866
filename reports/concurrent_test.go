package reports

import (
	"bytes"
	"sync"
	"testing"
)

// Two PDFs written at once (the window's preview and a save) give the
// same bytes as one at a time; under -race this also fails when gofpdf's
// writing of the shared font is not serialised.
func TestPDFsWrittenAtOnce(t *testing.T) {
	var want bytes.Buffer
	if _, err := PDF(KindPlans, planInput(KindPlans, 2016, ""), &want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	outs := make([]bytes.Buffer, 12)
	errs := make([]error, len(outs))
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = PDF(KindPlans, planInput(KindPlans, 2016, ""), &outs[i])
		}()
	}
	wg.Wait()
	for i := range outs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(outs[i].Bytes(), want.Bytes()) {
			t.Errorf("PDF %d written beside others differs from one written alone", i)
		}
	}
}
