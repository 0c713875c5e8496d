#define _GNU_SOURCE
#include "LoupeProcess.h"
#include <sys/prctl.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

int loupe_disable_core_dumps(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

int loupe_is_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }

int loupe_drop_group_for_good(void) {
    gid_t group = getgid();
    return setresgid(group, group, group);
}

/// The child starts with SIGPIPE (and, in the terminal's foreground, SIGINT and SIGQUIT) at their defaults and no
/// signal blocked, whatever Loupe set for itself.
static void start_with_default_signals(posix_spawnattr_t *attributes, int interactive) {
    posix_spawnattr_init(attributes);
    sigset_t defaults, empty;
    sigemptyset(&defaults);
    if (interactive) {
        sigaddset(&defaults, SIGINT);
        sigaddset(&defaults, SIGQUIT);
    }
    sigaddset(&defaults, SIGPIPE);
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(attributes, &defaults);
    posix_spawnattr_setsigmask(attributes, &empty);
    posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
}

int loupe_run_in_foreground(const char *path, char *const argv[]) {
    struct sigaction ignore = {0}, old_int, old_quit;
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    posix_spawnattr_t attributes;
    start_with_default_signals(&attributes, 1);

    // Only the terminal's three descriptors go to the child: never the database, its WAL, a socket.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);

    pid_t pid;
    int spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    int result = -1;
    if (spawned == 0) {
        int status = 0;
        while (waitpid(pid, &status, 0) == -1 && errno == EINTR) {}
        result = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
    } else {
        errno = spawned;
    }
    int saved = errno;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    errno = saved;
    return result;
}

int loupe_spawn_with_pipes(const char *path, char *const argv[], int input, int output, int errors, int *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input, 0);
    posix_spawn_file_actions_adddup2(&actions, output, 1);
    posix_spawn_file_actions_adddup2(&actions, errors, 2);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    posix_spawn_file_actions_addchdir_np(&actions, "/");
    posix_spawnattr_t attributes;
    start_with_default_signals(&attributes, 0);
    pid_t child;
    int spawned = posix_spawn(&child, path, &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) { errno = spawned; return -1; }
    *pid = child;
    return 0;
}

int loupe_wait(int pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) == -1) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}
