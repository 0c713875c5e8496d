import Foundation
import LoupeDomain
import Testing

/// `TextRules.trimmed` replaces Foundation's `trimmingCharacters(in:)` on the intake path: it must trim exactly
/// what Foundation trims, or an email or reason would be stored differently depending on the door it came by.
@Suite struct TextTrimmingTests {
    static let samples = [
        "", " ", "\t", "plain", "  two words  ", "\tann@example.com\t", "\u{00A0}nbsp\u{00A0}", "\u{3000}ideo\u{2003}",
        "\nline\r\n", "\u{0085}next\u{2028}", "\u{2029}para", " \u{0301}combining", "e\u{0301} ", "\u{200B}zero width",
        "\u{FEFF}bom", "mid dle", " \u{1F600} ", "\u{000B}\u{000C}vt", "😀\u{00A0}",
    ]

    @Test(arguments: samples)
    func trimsWhatFoundationTrims(_ text: String) {
        #expect(TextRules.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(TextRules.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func randomTextTrimsAsFoundationDoes() {
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "a", "Z", "\u{00A0}", "\u{2028}", "\u{0301}", "é",
                                          "\u{0085}", "\u{3000}", "\u{200B}", "@"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                text.append(alphabet.randomElement(using: &generator)!)
            }
            let string = String(text)
            #expect(TextRules.trimmed(string) == string.trimmingCharacters(in: .whitespaces),
                    "\(string.debugDescription)")
            #expect(TextRules.trimmed(string, newlines: true)
                    == string.trimmingCharacters(in: .whitespacesAndNewlines), "\(string.debugDescription)")
        }
    }
}
