import Foundation

/// Whether a message's `From:` is authenticated, by the `Authentication-Results` headers (RFC 8601) of the one
/// host Loupe trusts (`loupe settings mail-authserv-id NAME`: the receiving MTA, which removes such headers of its
/// own name from what arrives): DMARC passed for the `From:` domain, or a DKIM signature passed whose domain is
/// aligned with it (the same domain, or a parent of it: relaxed alignment). Headers of every other host are
/// ignored: any hop, or the sender, can write them.
public enum MailAuthentication {
    /// One method's result in a header: `dmarc=pass header.from=example.com`.
    struct Result: Equatable {
        var method: String
        var result: String
        var properties: [String: String]
    }

    /// Whether `from` (an address) is authenticated by a header of `trustedId` among `headers`.
    public static func isAuthenticated(from address: String?, headers: [String], trustedId: String?) -> Bool {
        guard let trustedId = trustedId?.lowercased(), !trustedId.isEmpty,
              let domain = address?.split(separator: "@").last.map({ $0.lowercased() }), !domain.isEmpty
        else { return false }
        for header in headers {
            guard let (authservId, results) = parse(header), authservId == trustedId else { continue }
            for result in results where result.result == "pass" {
                switch result.method {
                case "dmarc":
                    if (result.properties["header.from"] ?? domain) == domain { return true }
                case "dkim":
                    let signer = result.properties["header.d"]
                        ?? result.properties["header.i"].map { String($0.split(separator: "@").last ?? "") }
                    if let signer, domain == signer || domain.hasSuffix("." + signer) { return true }
                default:
                    continue
                }
            }
        }
        return false
    }

    /// The authserv-id and the results of one header's value; nil when it does not have that shape.
    static func parse(_ value: String) -> (String, [Result])? {
        let clauses = withoutComments(value).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = clauses.first, let id = first.split(separator: " ").first, !id.isEmpty else { return nil }
        let results = clauses.dropFirst().compactMap { clause -> Result? in
            let words = clause.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let head = words.first, let equals = head.firstIndex(of: "=") else { return nil }
            var properties: [String: String] = [:]
            for word in words.dropFirst() {
                guard let sign = word.firstIndex(of: "=") else { continue }
                properties[word[..<sign].lowercased()] = word[word.index(after: sign)...].lowercased()
                    .trimmingCharacters(in: ["\""])
            }
            return Result(method: head[..<equals].lowercased(), result: head[head.index(after: equals)...].lowercased(),
                          properties: properties)
        }
        return (String(id).lowercased(), results)
    }

    /// The value with RFC 5322 comments (`(…)`, nested) removed.
    static func withoutComments(_ value: String) -> String {
        var depth = 0
        var kept = ""
        for character in value {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(depth - 1, 0); continue }
            if depth == 0 { kept.append(character) }
        }
        return kept
    }
}
