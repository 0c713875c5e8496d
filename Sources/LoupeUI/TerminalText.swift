/// Makes any string safe to draw: control characters, escape sequences, bidi overrides and invisible
/// characters become visible placeholders, and width is measured per grapheme as a terminal draws it.
public enum TerminalText {
    /// The placeholder for invisible and direction-changing characters.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"
    /// At most this many characters of one value are ever processed (huge values are cut first).
    public static let maxCharacters = 2_048

    /// The string with every unsafe scalar replaced by a visible placeholder: C0 controls by their control
    /// pictures (ESC as ␛, so an escape sequence shows as text), DEL as ␡, C1 controls, bidi controls and
    /// zero-width characters as �. Joiners inside emoji sequences are kept; a combining mark with no base gets ◌.
    public static func inert(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var previousIsEmoji = false
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maxCharacters * 4 { break }
            let value = scalar.value
            switch value {
            case 0x00...0x1F:
                output.append(Unicode.Scalar(0x2400 + value)!)
            case 0x7F:
                output.append("\u{2421}")
            case 0x80...0x9F, 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064,
                 0x2066...0x2069, 0xFEFF, 0x180E, 0x00AD, 0xFFF9...0xFFFB:
                output.append(placeholder)
            case 0x200D where !previousIsEmoji:
                output.append(placeholder)
            default:
                if output.isEmpty && isCombining(scalar) { output.append("\u{25CC}") }
                output.append(scalar)
            }
            previousIsEmoji = scalar.properties.isEmoji && value > 0x7F || (value == 0xFE0F && previousIsEmoji)
                || (value == 0x200D && previousIsEmoji)
        }
        return String(output)
    }

    /// Columns a terminal gives one grapheme (0, 1 or 2).
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        if scalars.count > 1 && first.properties.isEmoji && scalars.contains("\u{FE0F}") { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        if isWide(first.value) { return 2 }
        if isCombining(first) { return 0 }
        return 1
    }

    /// Columns a whole (already inert) string takes.
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The string cut to at most `columns` columns, ending in `…` when it was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), plus the emoji blocks terminals draw double width.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
