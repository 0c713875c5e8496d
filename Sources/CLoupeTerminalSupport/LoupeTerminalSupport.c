#define _GNU_SOURCE
#include "LoupeTerminalSupport.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "../../CNcurses/shim.h"

static volatile sig_atomic_t curses_active = 0;
static const int handled_signals[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
#define HANDLED_COUNT (sizeof(handled_signals) / sizeof(handled_signals[0]))
static struct sigaction previous_actions[HANDLED_COUNT];

void loupe_set_curses_active(int active) { curses_active = active; }

static void restore_handler(int sig, siginfo_t *info, void *context) {
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
    for (unsigned i = 0; i < HANDLED_COUNT; i++) {
        if (handled_signals[i] != sig) continue;
        /* Let the previous handler (e.g. Swift's backtracer) report, then end the process the default way:
           the screen is gone, so the program must not carry on. */
        struct sigaction *prev = &previous_actions[i];
        sigaction(sig, prev, NULL);
        if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
            prev->sa_sigaction(sig, info, context);
        } else if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN && prev->sa_handler != NULL) {
            prev->sa_handler(sig);
        }
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
}

void loupe_install_restore_handlers(void) {
    for (unsigned i = 0; i < HANDLED_COUNT; i++) {
        struct sigaction current;
        /* A signal the parent chose to ignore (nohup) stays ignored. */
        if (sigaction(handled_signals[i], NULL, &current) == 0 && !(current.sa_flags & SA_SIGINFO)
            && current.sa_handler == SIG_IGN) {
            previous_actions[i] = current;
            continue;
        }
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_sigaction = restore_handler;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        sigaction(handled_signals[i], &action, &previous_actions[i]);
    }
}

int loupe_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
