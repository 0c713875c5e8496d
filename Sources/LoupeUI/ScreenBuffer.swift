/// A grid of cells, each holding one grapheme and a style role: what `render` produces and the terminal presents.
public struct ScreenBuffer: Equatable, Sendable {
    /// One column of the screen. A wide grapheme fills its first cell; the next cell is a continuation
    /// (empty text) that the terminal skips.
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var role: StyleRole
        /// True for the second column of a double-width grapheme.
        public var isContinuation: Bool { text.isEmpty }
    }

    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    /// A blank screen of `width` x `height` in the text role.
    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: Cell(text: " ", role: .text), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Draws `text` at (`x`, `y`) in `role`, made inert and clipped to `maxWidth` columns (and the screen edge),
    /// with `…` where it was cut. Returns the number of columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole = .text, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(maxWidth ?? width - x, width - x)
        guard limit > 0 else { return 0 }
        let safe = TerminalText.truncate(TerminalText.inert(text), to: limit)
        var column = x
        for character in safe {
            let w = TerminalText.width(of: character)
            if w == 0 {
                // A zero-width grapheme (e.g. a lone mark) never gets a cell of its own.
                continue
            }
            if column + w > x + limit { break }
            put(Cell(text: String(character), role: role), x: column, y: y)
            if w == 2 { put(Cell(text: "", role: role), x: column + 1, y: y) }
            column += w
        }
        return column - x
    }

    /// Fills `count` columns from (`x`, `y`) with spaces in `role` (e.g. a selection bar).
    public mutating func fill(x: Int, y: Int, count: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        let start = max(x, 0)
        let end = min(x + count, width)
        guard start < end else { return }
        for column in start..<end { put(Cell(text: " ", role: role), x: column, y: y) }
    }

    /// Stores one cell, blanking the other half of any double-width grapheme it overwrites in part.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        if !cell.isContinuation && cells[index].isContinuation && x > 0 {
            cells[index - 1].text = " "
        }
        if x + 1 < width && cells[index + 1].isContinuation && !cells[index].isContinuation {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }

    /// Changes the role of `count` cells from (`x`, `y`), keeping their text.
    public mutating func restyle(x: Int, y: Int, count: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for column in max(x, 0)..<min(x + count, width) { cells[y * width + column].role = role }
    }

    /// Writes `text` so that it ends at the right edge of a `width`-column field starting at `x`.
    @discardableResult
    public mutating func writeRight(_ text: String, x: Int, y: Int, width fieldWidth: Int, role: StyleRole = .text) -> Int {
        let w = min(TerminalText.width(TerminalText.inert(text)), fieldWidth)
        return write(text, x: x + fieldWidth - w, y: y, role: role, maxWidth: w)
    }

    /// The screen as plain text, one line per row, trailing spaces removed (for golden tests).
    public var plainText: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].text }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
