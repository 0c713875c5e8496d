#define _GNU_SOURCE
#include "LoupeProcess.h"
#include <sys/prctl.h>
#include <unistd.h>

int loupe_disable_core_dumps(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

int loupe_is_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }

int loupe_drop_group_for_good(void) {
    gid_t group = getgid();
    return setresgid(group, group, group);
}
