extension CardNumberRule {
    /// What stands where a card number was.
    public static let redactionMark = "[card number removed]"

    /// `text` with every run of digits (and the single spaces, dots or dashes between its groups) that holds a
    /// card number replaced by `redactionMark`, and how many were replaced. Used on mail before it is stored.
    public static func redacted(_ text: String) -> (text: String, count: Int) {
        guard contains(text) else { return (text, 0) }
        var output = ""
        var run = ""
        var count = 0
        func flush() {
            // A run ends in a separator at most once; keep that separator out of the mark.
            var trailing = ""
            if let last = run.last, !last.isNumber {
                trailing = String(last)
                run.removeLast()
            }
            if !run.isEmpty && contains(run) {
                output += redactionMark
                count += 1
            } else {
                output += run
            }
            output += trailing
            run = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else if [" ", "-", "."].contains(character), let last = run.last, last.isNumber {
                run.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return (output, count)
    }
}
