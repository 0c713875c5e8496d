/// A line of text being typed, with a cursor: what every prompt, the filter line, the command line, the customers
/// search and the new-request form share. The keys are the shell's: ←/→, Home/End, Ctrl-A/E, Ctrl-W (the word
/// before the cursor), Ctrl-U (all before it), Ctrl-K (all after it), Backspace and Delete.
public struct LineEditor: Equatable, Sendable {
    /// The text typed. Text set from outside (a completion, a history entry) puts the cursor after it.
    public var text: String {
        get { value }
        set {
            value = newValue
            back = 0
        }
    }
    /// The text, as the editing keys change it.
    private var value: String
    /// How many characters the cursor stands before the end: 0 is after the last one.
    private var back = 0
    /// The longest text accepted.
    public var limit: Int

    /// A line holding `text`, the cursor at its end.
    public init(_ text: String = "", limit: Int = 200) {
        self.value = text
        self.limit = limit
    }

    /// Where the cursor is, in characters from the start.
    public var cursor: Int { value.count - back }

    /// Applies an editing key and says whether it was one (other keys are left to the caller).
    public mutating func edit(_ key: Key) -> Bool {
        let position = value.index(value.startIndex, offsetBy: cursor)
        switch key {
        case .char(let typed):
            guard value.count < limit else { return true }
            value.insert(typed, at: position)
        case .backspace:
            guard cursor > 0 else { return true }
            value.remove(at: value.index(before: position))
        case .delete, .ctrl("d"):
            guard back > 0 else { return true }
            value.remove(at: position)
            back -= 1
        case .left, .ctrl("b"):
            back = min(back + 1, value.count)
        case .right, .ctrl("f"):
            back = max(back - 1, 0)
        case .home, .ctrl("a"):
            back = value.count
        case .end, .ctrl("e"):
            back = 0
        case .ctrl("u"):
            value.removeSubrange(value.startIndex..<position)
        case .ctrl("k"):
            value.removeSubrange(position...)
            back = 0
        case .ctrl("w"):
            // The word before the cursor and the spaces after it, as in a shell.
            var start = position
            while start > value.startIndex, value[value.index(before: start)] == " " {
                start = value.index(before: start)
            }
            while start > value.startIndex, value[value.index(before: start)] != " " {
                start = value.index(before: start)
            }
            value.removeSubrange(start..<position)
        default:
            return false
        }
        return true
    }
}
