import Foundation

/// One thing shown whole, every field wrapped to the width (k9s's describe): a list row with `d`, or the
/// session's messages with `:messages`. Nothing in it is cut; it scrolls instead.
public struct DescribeState: Equatable, Sendable {
    /// A labelled value.
    public struct Field: Equatable, Sendable {
        public var label: String
        public var value: String
        public var isError: Bool

        /// Makes a field.
        public init(_ label: String, _ value: String, isError: Bool = false) {
            self.label = label
            self.value = value
            self.isError = isError
        }
    }

    public var title: String
    public var fields: [Field]
    /// How many wrapped lines are scrolled past.
    public var scroll = 0

    /// Makes one, scrolled to the top.
    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }

    /// The lines at `width` columns: each label on its own column, the value wrapped beside it.
    public func lines(width: Int) -> [(label: String, text: String, isError: Bool)] {
        let labelWidth = min((fields.map { TerminalText.width($0.label) }.max() ?? 0) + 2, width / 3)
        return fields.flatMap { field in
            TerminalText.wrap(field.value, width: max(width - labelWidth, 10)).enumerated().map { index, text in
                (index == 0 ? field.label : "", text, field.isError)
            }
        }
    }
}

extension TerminalText {
    /// `text` made inert and broken into lines of at most `width` columns, at spaces where it can (a word longer
    /// than the line is split). Line breaks in the text are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var started = false
            for piece in inert(String(paragraph)).split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(piece)
                while TerminalText.width(word) > width {
                    if started { lines.append(line) }
                    var head = ""
                    while let next = word.first, TerminalText.width(head) + TerminalText.width(of: next) <= width {
                        head.append(word.removeFirst())
                    }
                    if head.isEmpty { head.append(word.removeFirst()) }
                    lines.append(head)
                    line = ""
                    started = false
                }
                if !started {
                    line = word
                    started = true
                } else if TerminalText.width(line) + 1 + TerminalText.width(word) > width {
                    lines.append(line)
                    line = word
                } else {
                    line += " " + word
                }
            }
            lines.append(line)
        }
        return lines
    }
}
