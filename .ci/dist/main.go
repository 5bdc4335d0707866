// Command dist makes the pieces of `make dist` that the usual tools do not:
//
//	dist winres -version V -icon PNG -out FILE.syso   icon and version resources for the Windows exe (with mingw's windres)
//	dist zip -out FILE.zip DIR                        a zip of DIR whose Korean names Windows Explorer reads
//	dist text SRC DST                                 a text file for Windows Notepad: UTF-8 with BOM, CRLF
//
// Nothing here is shipped; it runs on the build machine.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
)

func main() {
	if len(os.Args) < 2 {
		fail("사용법: dist winres|zip|text …")
	}
	var err error
	switch os.Args[1] {
	case "winres":
		err = cmdWinres(os.Args[2:])
	case "zip":
		err = cmdZip(os.Args[2:])
	case "text":
		if len(os.Args) != 4 {
			fail("사용법: dist text 원본 대상")
		}
		err = windowsText(os.Args[2], os.Args[3])
	default:
		fail("알 수 없는 명령: " + os.Args[1])
	}
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "dist: "+msg)
	os.Exit(1)
}

// numericVersion turns a git describe ("v1.2.3-4-gabc", "0085553") into
// the four numbers of a Windows version resource: the tag's numbers, or
// fallback's, then the commit count.
func numericVersion(describe, fallback string, commits int) [4]int {
	var v [4]int
	re := regexp.MustCompile(`^v?(\d+)\.(\d+)(?:\.(\d+))?`)
	m := re.FindStringSubmatch(describe)
	if m == nil {
		m = re.FindStringSubmatch(fallback)
	}
	if m != nil {
		for i := 0; i < 3; i++ {
			v[i], _ = strconv.Atoi(m[i+1])
		}
	}
	v[3] = min(commits, 65535)
	return v
}

func cmdWinres(args []string) error {
	fs := flag.NewFlagSet("winres", flag.ContinueOnError)
	version := fs.String("version", "dev", "git describe")
	fallback := fs.String("fallback", "0.1.0", "numbers when the version has none")
	commits := fs.Int("commits", 0, "commit count: the fourth number")
	icon := fs.String("icon", "assets/icon.png", "256×256 PNG")
	out := fs.String("out", "rsrc_windows_amd64.syso", "")
	windres := fs.String("windres", "x86_64-w64-mingw32-windres", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "hyeopchi-winres")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ico, err := makeICO(*icon)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "icon.ico"), ico, 0o644); err != nil {
		return err
	}
	manifest := filepath.Join(dir, "app.manifest")
	if err := os.WriteFile(manifest, []byte(appManifest), 0o644); err != nil {
		return err
	}
	n := numericVersion(*version, *fallback, *commits)
	rc := fmt.Sprintf(resourceScript, n[0], n[1], n[2], n[3], rcString(*version))
	rcPath := filepath.Join(dir, "app.rc")
	if err := os.WriteFile(rcPath, []byte(rc), 0o644); err != nil {
		return err
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	cmd := exec.Command(*windres, "-c", "65001", "-i", "app.rc", "-O", "coff", "-o", abs)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %v\n%s", *windres, err, b)
	}
	return nil
}

// rcString escapes s for a string in a resource script.
func rcString(s string) string { return strings.ReplaceAll(s, `"`, `""`) }

// The version block is in Korean (0x0412, code page 1200: UTF-16) and says
// what Explorer's 속성 → 자세히 shows.
const resourceScript = `#pragma code_page(65001)
1 ICON "icon.ico"
1 24 "app.manifest"
1 VERSIONINFO
FILEVERSION %[1]d,%[2]d,%[3]d,%[4]d
PRODUCTVERSION %[1]d,%[2]d,%[3]d,%[4]d
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "041204B0"
    BEGIN
      VALUE "CompanyName", "서울특별시 협치서울사무국"
      VALUE "FileDescription", "협치 사무국"
      VALUE "FileVersion", "%[5]s"
      VALUE "InternalName", "hyeopchi"
      VALUE "LegalCopyright", "서울특별시. 글꼴: 나눔고딕 (SIL Open Font License)"
      VALUE "OriginalFilename", "hyeopchi.exe"
      VALUE "ProductName", "협치 사무국 (hyeopchi)"
      VALUE "ProductVersion", "%[5]s"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0412, 1200
  END
END
`

// appManifest asks for per-monitor DPI awareness (sharp text on laptop
// screens scaled to 125–150 %%), the common controls of Windows 10 and no
// administrator rights.
const appManifest = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="kr.seoul.hyeopchi" version="1.0.0.0" processorArchitecture="amd64"/>
  <description>협치 사무국</description>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">permonitorv2,permonitor</dpiAwareness>
    </windowsSettings>
  </application>
  <dependency><dependentAssembly>
    <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
  </dependentAssembly></dependency>
</assembly>
`

// makeICO is an .ico holding the PNG at 256, 48, 32 and 16 pixels, each
// entry a PNG (Windows Vista and later read them).
func makeICO(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sizes := []int{256, 48, 32, 16}
	var imgs [][]byte
	for _, s := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		imgs = append(imgs, b.Bytes())
	}
	var out bytes.Buffer
	binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := uint8(s)
		if s >= 256 {
			dim = 0
		}
		binary.Write(&out, binary.LittleEndian, struct {
			W, H, Colors, Reserved uint8
			Planes, Bits           uint16
			Size, Offset           uint32
		}{dim, dim, 0, 0, 1, 32, uint32(len(imgs[i])), uint32(offset)})
		offset += len(imgs[i])
	}
	for _, b := range imgs {
		out.Write(b)
	}
	return out.Bytes(), nil
}

// cmdZip zips DIR with DIR's own name as the top folder. archive/zip marks
// non-ASCII names as UTF-8, which Explorer honours.
func cmdZip(args []string) error {
	flags := flag.NewFlagSet("zip", flag.ContinueOnError)
	out := flags.String("out", "", "the zip file")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *out == "" || flags.NArg() != 1 {
		return fmt.Errorf("사용법: dist zip -out 파일.zip 폴더")
	}
	root := filepath.Clean(flags.Arg(0))
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(filepath.Dir(root), path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h, err := zip.FileInfoHeader(info)
		if err != nil {
			return err
		}
		h.Name = filepath.ToSlash(rel)
		h.Method = zip.Deflate
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// windowsText copies a UTF-8 text with a BOM and CRLF line ends, which
// every Notepad since Windows 10 shows in Korean.
func windowsText(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	s := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
	s = "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n")
	return os.WriteFile(dst, []byte(s), 0o644)
}
