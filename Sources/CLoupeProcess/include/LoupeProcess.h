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

/// Runs `path` with `argv` (NULL-terminated) in the terminal's foreground, the way system(3) and git run an
/// editor: the child shares Loupe's process group (so it may read the terminal; Foundation's Process puts it in a
/// group of its own, where a read from the terminal stops it), Loupe ignores SIGINT and SIGQUIT while it waits
/// (they are the child's), and the child starts with their default actions. Returns the exit status, 128 + the
/// signal for a child killed by one, or -1 with errno set when it could not start.
/// Only standard input, output and error reach the child; every other descriptor is closed in it.
int loupe_run_in_foreground(const char *path, char *const argv[]);

/// Starts `path` with `argv` from `/`, its standard input, output and error the descriptors given, and no other
/// descriptor of Loupe's (closefrom 3: never the database, its log, a socket). Stores the child's pid and
/// returns 0, or -1 with errno set.
int loupe_spawn_with_pipes(const char *path, char *const argv[], int input, int output, int errors, int *pid);

/// Waits for a child: its exit status, 128 + the signal that killed it, or -1 with errno set.
int loupe_wait(int pid);

#endif
