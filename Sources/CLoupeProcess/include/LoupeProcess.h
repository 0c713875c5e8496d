#ifndef LOUPE_PROCESS_H
#define LOUPE_PROCESS_H

/// Makes the process non-dumpable (prctl(PR_SET_DUMPABLE, 0)): no core file, and no other process of the same
/// user may ptrace it or read its memory through /proc. Returns 0 on success. (prctl is variadic: Swift cannot
/// call it directly.)
int loupe_disable_core_dumps(void);

/// Whether the process is dumpable (1) or not (0), as prctl(PR_GET_DUMPABLE) says.
int loupe_is_dumpable(void);

/// Sets the real, effective and saved group ids to the real one (setresgid, which glibc declares only with
/// _GNU_SOURCE): the group privilege is given up for good. Returns 0 on success.
int loupe_drop_group_for_good(void);

#endif
