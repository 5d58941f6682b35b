/* For the Wine test harness only (.ci/windows.sh): hold.exe PATH SECONDS opens PATH (a
 * file or a folder) the way File Explorer or a reader that does not share deletion
 * does (no FILE_SHARE_DELETE), says "held" once it has it, and lets go after SECONDS.
 * While it holds the output folder, Windows refuses to rename it: what loa build meets
 * when the folder is open elsewhere. (Wine, unlike Windows, lets a folder be renamed
 * while a file inside it is open, so the harness holds the folder itself.) */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int wmain(int argc, wchar_t **argv) {
    if (argc != 3) {
        fputs("usage: hold.exe FILE SECONDS\n", stderr);
        return 2;
    }
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "hold.exe: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    puts("held");
    fflush(stdout);
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(h);
    return 0;
}
