import Foundation

/// How Loupe may be reached from outside: over TLS, never plain HTTP, except on the host itself.
public enum TransportRules {
    /// Whether `host` names this machine's loopback interface (`localhost`, 127.0.0.0/8, `::1`).
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: ["[", "]"])
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The public URL without a trailing slash, or why it cannot be one: links in messages carry one-time tokens,
    /// so it must be https (http only for a loopback host, for tests on one machine).
    public static func checkedPublicURL(_ url: String) throws -> URL {
        let trimmed = url.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["/"])
        guard let parsed = URL(string: trimmed), let host = parsed.host, !host.isEmpty,
            parsed.query == nil, parsed.user == nil, ["http", "https"].contains(parsed.scheme ?? "")
        else {
            throw LoupeError(
                .invalidInput,
                "'\(TextRules.printable(url))' is not a public address: give one like "
                    + "https://privacy.shop.example.")
        }
        guard parsed.scheme == "https" || isLoopback(host) else {
            throw LoupeError(
                .invalidInput,
                "'\(TextRules.printable(url))' is plain http: the links it starts carry "
                    + "one-time tokens, so give the https address (TLS ends at your proxy).")
        }
        return parsed
    }
}
