/// Masks personal data for display until a staff member reveals it (the reveal is audited elsewhere).
public enum Masking {
    /// The character that stands for hidden characters.
    public static let dot = "•••"

    /// `jane@gmail.com` -> `j•••@g•••.com`. Input without `@` is masked as a name.
    public static func email(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@") else { return name(email) }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        let maskedLocal = local.first.map { "\($0)\(dot)" } ?? dot
        if let lastDot = domain.lastIndex(of: "."), lastDot != domain.startIndex {
            let host = domain[..<lastDot]
            let tld = domain[lastDot...]
            return "\(maskedLocal)@\(host.first.map { "\($0)" } ?? "")\(dot)\(tld)"
        }
        return "\(maskedLocal)@\(dot)"
    }

    /// `+44 7700 900812` -> `+44 •••• ••12`: keeps a leading country code and the last two digits.
    public static func phone(_ phone: String) -> String {
        let digits = phone.filter(\.isASCIIDigit)
        guard digits.count > 4 else { return dot }
        var prefix = ""
        if phone.hasPrefix("+") {
            let code = phone.dropFirst().prefix { $0.isASCIIDigit }
            if !code.isEmpty && code.count <= 3 { prefix = "+\(code) " }
        }
        return "\(prefix)•••• ••\(digits.suffix(2))"
    }

    /// `Jane Müller` -> `J••• M•••`: the first letter of each word.
    public static func name(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty else { return dot }
        return words.map { "\($0.first!)\(dot)" }.joined(separator: " ")
    }

    /// A street line: house numbers and words hidden, only the shape kept.
    public static func street(_ line: String) -> String {
        line.isEmpty ? "" : "\(line.first!)\(dot)"
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
