import CLoupeTerminalSupport
import CNcurses
import Foundation
import LoupeDomain
import LoupeUI

/// The only code that talks to curses: starts and restores the terminal, decodes keys, draws screen buffers.
public final class CursesTerminal {
    private let screen: OpaquePointer
    private var palette: CursesPalette
    private var fastErrors = 0
    private var isStopped = false
    /// Where curses writes (stdout, or a pseudo-terminal in benchmarks).
    private let output: UnsafeMutablePointer<FILE>

    /// Checks that stdin and stdout are terminals and TERM is known, ensures a UTF-8 locale, then starts curses.
    /// Throws (with the terminal untouched) when the console cannot run here. `noColor` forces monochrome.
    public convenience init(theme: Theme, noColor: Bool) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw LoupeError(.terminal,
                "The console needs a terminal, but stdin or stdout is not one. Run it in a terminal, or use `loupe requests list` in scripts.")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty else {
            throw LoupeError(.terminal, "TERM is not set. Set it to your terminal's type, e.g. `export TERM=xterm-256color`.")
        }
        try self.init(theme: theme, noColor: noColor, term: term, input: loupe_stdin_file(), output: loupe_stdout_file())
    }

    /// Starts curses on the given streams as terminal type `term`: the console's own terminal, or a
    /// pseudo-terminal when a benchmark measures what a keystroke writes.
    public init(theme: Theme, noColor: Bool, term: String, input: UnsafeMutablePointer<FILE>,
                output: UnsafeMutablePointer<FILE>) throws {
        Self.ensureUTF8Locale()
        // Ours, before curses starts, so curses keeps them: they restore the tty on SIGHUP, SIGTERM and crashes.
        loupe_install_restore_handlers()
        guard let screen = newterm(term, output, input) else {
            throw LoupeError(.terminal,
                "Unknown terminal type '\(term)'. Set TERM to one your system knows, e.g. `export TERM=xterm-256color`.")
        }
        // A terminal that cannot place the cursor (TERM=dumb) would get a garbled screen: refuse before drawing.
        let placeCursor = tigetstr("cup")
        if placeCursor == nil || Int(bitPattern: placeCursor) == -1 {
            endwin()  // gives the tty back the modes newterm took
            delscreen(screen)
            throw LoupeError(.terminal, """
                TERM=\(term) cannot place the cursor, which the console needs. Use a terminal type that can \
                (e.g. `export TERM=xterm-256color`, or vt100), or the loupe commands (`loupe help`).
                """)
        }
        self.screen = screen
        self.output = output
        loupe_set_curses_active(1)
        raw()
        noecho()
        nonl()
        keypad(loupe_stdscr(), true)
        set_escdelay(40)
        curs_set(0)
        palette = CursesPalette(theme: theme, useColor: !noColor && has_colors())
    }

    deinit { stop() }

    /// The window's size now.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        loupe_getmaxyx(loupe_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Whether colours are in use (false under NO_COLOR or on a monochrome terminal).
    public var usesColor: Bool { palette.useColor }

    /// Switches to another theme (monochrome terminals keep the monochrome path).
    public func apply(theme: Theme) {
        palette = CursesPalette(theme: theme, useColor: palette.useColor)
    }

    /// Waits up to `timeoutMilliseconds` for a key or a resize.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent {
        wtimeout(loupe_stdscr(), timeoutMilliseconds)
        var character: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(loupe_stdscr(), &character)
        if result == ERR {
            // A closed stdin answers ERR at once, forever: many instant ERRs mean the input is gone.
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            fastErrors = elapsed < UInt64(timeoutMilliseconds) * 500_000 ? fastErrors + 1 : 0
            return fastErrors > 20 ? .end : .idle
        }
        fastErrors = 0
        if result == loupe_key_code_yes() {
            if Int32(character) == KEY_RESIZE {
                let now = size
                return .resize(width: now.width, height: now.height)
            }
            return KeyDecoder.functionKey(Int32(character)).map(TerminalEvent.key) ?? .idle
        }
        return KeyDecoder.character(UInt32(character)).map(TerminalEvent.key) ?? .idle
    }

    /// Draws `buffer`; curses sends only the cells that changed.
    public func present(_ buffer: ScreenBuffer) {
        let window = loupe_stdscr()
        for y in 0..<buffer.height {
            var run = ""
            var runRole: StyleRole?
            var runStart = 0
            func flush() {
                guard let role = runRole, !run.isEmpty else { return }
                palette.set(role)
                mvwaddstr(window, Int32(y), Int32(runStart), run)
            }
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if cell.role != runRole {
                    flush()
                    run = ""
                    runRole = cell.role
                    runStart = x
                }
                run += cell.text
            }
            flush()
        }
        wrefresh(window)
    }

    /// Forgets what is on the screen and repaints all of it with the next `present` (Ctrl-L).
    public func redrawAll() {
        clearok(loupe_stdscr(), true)
    }

    /// Asks the terminal to put `text` on the clipboard (OSC 52): it travels over SSH to the user's own machine.
    /// Inside tmux or screen the sequence is wrapped so the multiplexer passes it on.
    public func copyToClipboard(_ text: String) {
        let payload = Data(text.utf8).base64EncodedString()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let sequence = "\u{1B}]52;c;\(payload)\u{07}"
        let wrapped = term.hasPrefix("screen") && ProcessInfo.processInfo.environment["TMUX"] == nil
            ? "\u{1B}P\(sequence)\u{1B}\\" : sequence
        fputs(wrapped, output)
        fflush(output)
    }

    /// Hands the terminal to another program (an editor) until `body` returns, then takes it back and repaints.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        loupe_set_curses_active(0)
        endwin()
        defer {
            loupe_set_curses_active(1)
            reset_prog_mode()
            clearok(loupe_stdscr(), true)
            wrefresh(loupe_stdscr())
        }
        return try body()
    }

    /// Restores the terminal as it was. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        loupe_set_curses_active(0)
        endwin()
        delscreen(screen)
    }

    private static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
