package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strconv"
)

// gofpdf compresses each page with a new zlib writer, and a writer costs
// over a megabyte to set up: on a report of a hundred pages that was most
// of the export's memory and a quarter of its time. So pages are written
// uncompressed and packed here with one writer: every object that is an
// uncompressed stream, <</Length n>>, gets /Filter /FlateDecode, and the
// cross-reference table is rewritten for the new offsets.

// packPDF compresses the uncompressed streams of a PDF as gofpdf writes
// it. A file not in that form is returned as it is, with an error.
func packPDF(pdf []byte) ([]byte, error) {
	xrefAt, offsets, err := readXref(pdf)
	if err != nil {
		return pdf, err
	}
	order := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	sort.Slice(order, func(i, j int) bool { return offsets[order[i]] < offsets[order[j]] })

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	newOff := make([]int, len(offsets))
	done := 0 // bytes of pdf copied or replaced
	for _, n := range order {
		off := offsets[n]
		if off < done || off >= xrefAt {
			return pdf, fmt.Errorf("PDF: object %d at %d out of order", n, off)
		}
		out.Write(pdf[done:off])
		newOff[n] = out.Len()
		done = off
		head := fmt.Appendf(nil, "%d 0 obj\n<</Length ", n)
		if !bytes.HasPrefix(pdf[off:], head) {
			continue
		}
		p := off + len(head)
		end := bytes.IndexByte(pdf[p:min(p+20, len(pdf))], '>')
		if end < 0 {
			continue
		}
		length, err := strconv.Atoi(string(pdf[p : p+end]))
		const mid = ">>\nstream\n"
		data := p + end + len(mid)
		if err != nil || !bytes.HasPrefix(pdf[p+end:], []byte(mid)) || data+length > len(pdf) ||
			!bytes.HasPrefix(pdf[data+length:], []byte("\nendstream")) {
			continue
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(pdf[data : data+length])
		if err := zw.Close(); err != nil {
			return pdf, err
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
		out.Write(z.Bytes())
		done = data + length
	}
	out.Write(pdf[done:xrefAt])
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for n := 1; n < len(offsets); n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", newOff[n])
	}
	trailer := bytes.Index(pdf[xrefAt:], []byte("trailer\n"))
	start := bytes.LastIndex(pdf, []byte("startxref\n"))
	if trailer < 0 || start < xrefAt {
		return pdf, fmt.Errorf("PDF: no trailer")
	}
	out.Write(pdf[xrefAt+trailer : start])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// readXref reads the cross-reference table of a PDF with one subsection,
// as gofpdf writes it: the table's offset and each object's offset
// (index = object number; 0 for the free entry).
func readXref(pdf []byte) (int, []int, error) {
	start := bytes.LastIndex(pdf, []byte("startxref\n"))
	if start < 0 {
		return 0, nil, fmt.Errorf("PDF: no startxref")
	}
	line := pdf[start+len("startxref\n"):]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	xrefAt, err := strconv.Atoi(string(line))
	if err != nil || xrefAt <= 0 || xrefAt >= start || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n0 ")) {
		return 0, nil, fmt.Errorf("PDF: no cross-reference table")
	}
	p := xrefAt + len("xref\n0 ")
	nl := bytes.IndexByte(pdf[p:], '\n')
	if nl < 0 {
		return 0, nil, fmt.Errorf("PDF: bad cross-reference table")
	}
	count, err := strconv.Atoi(string(pdf[p : p+nl]))
	p += nl + 1
	if err != nil || count < 1 || p+20*count > len(pdf) {
		return 0, nil, fmt.Errorf("PDF: bad cross-reference table")
	}
	offsets := make([]int, count)
	for n := range count {
		entry := pdf[p+20*n : p+20*n+20]
		if n == 0 {
			continue
		}
		if entry[17] != 'n' {
			return 0, nil, fmt.Errorf("PDF: object %d is not in use", n)
		}
		if offsets[n], err = strconv.Atoi(string(entry[:10])); err != nil {
			return 0, nil, fmt.Errorf("PDF: bad offset of object %d", n)
		}
	}
	return xrefAt, offsets, nil
}
