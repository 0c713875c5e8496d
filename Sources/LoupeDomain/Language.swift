/// A language Loupe writes to people in: every message template exists in each.
public enum Language: String, Sendable, Codable, CaseIterable, Comparable {
    case english = "en"
    case german = "de"
    case spanish = "es"
    case french = "fr"

    /// The language's own name ("Deutsch").
    public var name: String {
        switch self {
        case .english: "English"
        case .german: "Deutsch"
        case .spanish: "Español"
        case .french: "Français"
        }
    }

    /// The language of a locale or tag such as `de-AT`, `es_ES.UTF-8` or `fr`; nil for any other.
    public init?(tag: String?) {
        guard let tag else { return nil }
        let code = tag.prefix { $0.isLetter }.lowercased()
        self.init(rawValue: code)
    }

    /// The language most of `words` (folded, as `MailText.words` gives them) belong to, by their common short
    /// words; nil when fewer than three of them point one way, or two languages tie.
    public static func detect(in words: [String]) -> Language? {
        var counts: [Language: Int] = [:]
        for word in words.prefix(400) {
            for (language, common) in commonWords where common.contains(word) { counts[language, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let first = ranked.first, first.value >= 3, ranked.count < 2 || ranked[1].value < first.value else {
            return nil
        }
        return first.key
    }

    /// Short words frequent in each language and rare in the other three (built once).
    static let commonWords: [(Language, Set<String>)] = [
        (.english, ["the", "and", "you", "my", "is", "to", "of", "please", "i", "me", "your", "for", "with", "have",
                    "would", "thank", "thanks", "want", "from", "this"]),
        (.german, ["der", "die", "das", "und", "ich", "sie", "mein", "meine", "meiner", "bitte", "nicht", "mit", "ist",
                   "zu", "von", "ihr", "ihre", "danke", "mich", "mir", "grusse", "freundlichen"]),
        (.spanish, ["el", "los", "las", "y", "que", "mi", "mis", "por", "favor", "para", "con", "es", "gracias",
                    "quiero", "del", "una", "saludos", "su", "sus", "hola"]),
        (.french, ["le", "les", "et", "je", "vous", "mon", "ma", "mes", "des", "pour", "avec", "est", "merci", "ne",
                   "pas", "votre", "vos", "bonjour", "cordialement", "une"]),
    ]

    /// Orders languages as `allCases` lists them.
    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
