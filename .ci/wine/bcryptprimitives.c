/* A stand-in for Windows' bcryptprimitives.dll, for `make windows-check`
 * only: Go's runtime takes its random numbers from ProcessPrng, which
 * Windows 10 and 11 have and Debian's Wine 8.0 lacks. Never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
