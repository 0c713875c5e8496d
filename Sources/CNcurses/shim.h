#ifndef LOUPE_CNCURSES_SHIM_H
#define LOUPE_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 refuses reads of C globals and does not import macros: wrap them. */
static inline WINDOW *loupe_stdscr(void) { return stdscr; }
static inline int loupe_lines(void) { return LINES; }
static inline int loupe_cols(void) { return COLS; }
static inline int loupe_colors(void) { return COLORS; }
static inline int loupe_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t loupe_a_bold(void) { return A_BOLD; }
static inline attr_t loupe_a_dim(void) { return A_DIM; }
static inline attr_t loupe_a_reverse(void) { return A_REVERSE; }
static inline attr_t loupe_a_underline(void) { return A_UNDERLINE; }
static inline attr_t loupe_a_normal(void) { return A_NORMAL; }
static inline int loupe_key_code_yes(void) { return KEY_CODE_YES; }
static inline void loupe_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline int loupe_attrset_pair(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }
static inline FILE *loupe_stdout_file(void) { return stdout; }
static inline FILE *loupe_stdin_file(void) { return stdin; }
extern int wcwidth(wchar_t c);

#endif
