/* For the Wine test harness only (.ci/windows.sh), never shipped: Rust's standard
 * library fills its random keys with ProcessPrng from bcryptprimitives.dll, which
 * Debian's Wine 8 does not have. This DLL, put next to loa.exe, gives it one on top of
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine has. Windows 10 and 11 have
 * the real ProcessPrng. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
