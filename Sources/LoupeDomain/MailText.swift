import Foundation

/// What of a mail's text a person wrote for this message: quoted text (`>` lines and everything under an
/// "On … wrote:" line, in English, German, Spanish and French), the signature (after `-- `) and newsletter
/// boilerplate (lines with a link, "click here", "view in browser", a copyright line) are left out; then its words,
/// case and accents folded, split at every character that is not a letter or a digit in any script.
public enum MailText {
    /// The lines of `body` that the sender wrote for this message.
    public static func ownLines(_ body: String) -> [Substring] {
        var kept: [Substring] = []
        for line in body.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "--" || line.hasPrefix("-- ") || isQuoteHeader(trimmed) { break }
            if trimmed.hasPrefix(">") || isBoilerplate(trimmed) { continue }
            kept.append(line)
        }
        return kept
    }

    /// The folded words of `text`: lower case, accents removed (ß as ss), one entry per word.
    /// (The standard library only: Foundation's folding, run from several threads at once, crashed a test run.)
    public static func words(_ text: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: folded(scalar).unicodeScalars)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // a combining accent, as in decomposed text
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// A lower-case letter without its accent (Latin and Greek), ß as ss; any other scalar as it is.
    static func folded(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "à", "á", "â", "ã", "ä", "å", "ā", "ă", "ą": "a"
        case "ç", "ć", "č": "c"
        case "è", "é", "ê", "ë", "ē", "ė", "ę", "ě": "e"
        case "ì", "í", "î", "ï", "ī", "į": "i"
        case "ñ", "ń", "ň": "n"
        case "ò", "ó", "ô", "õ", "ö", "ø", "ō", "ő": "o"
        case "ù", "ú", "û", "ü", "ū", "ů", "ű": "u"
        case "ý", "ÿ": "y"
        case "ś", "š": "s"
        case "ź", "ż", "ž": "z"
        case "ł": "l"
        case "ß": "ss"
        case "œ": "oe"
        case "æ": "ae"
        case "ά": "α"
        case "έ": "ε"
        case "ή": "η"
        case "ί", "ϊ", "ΐ": "ι"
        case "ό": "ο"
        case "ύ", "ϋ", "ΰ": "υ"
        case "ώ": "ω"
        default: String(scalar)
        }
    }

    /// The sentences of `lines` as folded words (a sentence ends at `.`, `!`, `?`, `;` or a line's end).
    /// A `.` inside a word or before a number ("example.de", "Art. 17") ends nothing.
    public static func sentences(_ lines: [Substring]) -> [[String]] {
        var sentences: [[String]] = []
        for line in lines {
            var start = line.startIndex
            var index = line.startIndex
            while index < line.endIndex {
                let next = line.index(after: index)
                let ends = "!?;".contains(line[index])
                    || (line[index] == "." && (next == line.endIndex || (line[next].isWhitespace
                        && !(line[next...].drop(while: \.isWhitespace).first?.isNumber ?? false))))
                if ends {
                    sentences.append(words(line[start..<index]))
                    start = next
                }
                index = next
            }
            sentences.append(words(line[start...]))
        }
        return sentences.filter { !$0.isEmpty }
    }

    /// "On Mon, 3 Jun 2026, Ann <ann@…> wrote:" and its German, Spanish and French forms, or Outlook's
    /// "-----Original Message-----": what follows is quoted.
    static func isQuoteHeader(_ line: String) -> Bool {
        let lower = line.lowercased()
        if lower.hasPrefix("-----original message") || lower.hasPrefix("-----ursprüngliche nachricht")
            || lower.hasPrefix("-----mensaje original") || lower.hasPrefix("-----message d'origine")
            || lower.hasPrefix("---------- forwarded message") {
            return true
        }
        // "… wrote:", but "Am … schrieb Ann <ann@…>:" names the writer after the verb; a mail client's line always
        // carries the date, so "On Monday I wrote to you:" is the sender's own.
        let verbs = [" wrote", " schrieb", " escribió", " a écrit"]
        let openings = ["on ", "am ", "el ", "le "]
        return lower.hasSuffix(":") && lower.contains(where: \.isNumber) && verbs.contains { lower.contains($0) }
            && openings.contains { lower.hasPrefix($0) }
    }

    /// A newsletter's or a web form's furniture rather than the sender's words.
    static func isBoilerplate(_ line: String) -> Bool {
        let lower = line.lowercased()
        return boilerplateMarks.contains { lower.contains($0) }
    }

    /// Marks of boilerplate lines: links, buttons, footers.
    static let boilerplateMarks = [
        "http://", "https://", "www.", "click here", "click below", "view in browser", "view this email",
        "hier klicken", "klicken sie", "im browser", "haga clic", "haz clic", "ver en el navegador", "cliquez",
        "voir dans le navigateur", "all rights reserved", "alle rechte vorbehalten", "todos los derechos",
        "tous droits réservés", "©", "(c) 20", "you are receiving this", "you received this", "sie erhalten diese",
        "recibes este", "vous recevez", "manage your preferences", "update your preferences",
    ]
}
