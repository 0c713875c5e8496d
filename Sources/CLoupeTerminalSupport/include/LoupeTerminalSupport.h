#ifndef LOUPE_TERMINAL_SUPPORT_H
#define LOUPE_TERMINAL_SUPPORT_H

/// Installs handlers for SIGHUP, SIGTERM, SIGINT, SIGQUIT and the crash signals (SIGILL, SIGTRAP, SIGABRT,
/// SIGSEGV, SIGBUS, SIGFPE) that restore the terminal with endwin() when curses is active, then pass the
/// signal on to the previous handler or to the default action. Call after the screen has started.
void loupe_install_restore_handlers(void);

/// Marks curses as active (1) or not (0); the handlers only call endwin() while it is active.
void loupe_set_curses_active(int active);

/// Sets the size (rows, columns) of the controlling terminal on fd 1 into the pointers; returns 0 on success.
int loupe_terminal_size(int *rows, int *cols);

#endif
