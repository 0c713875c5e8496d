import Foundation

/// Where Loupe may send an OpenDSR status callback (no server-side request forgery): the URL is http or https,
/// its host is on the allow-list (`loupe settings callback-hosts`; an entry `*.example.com` covers its
/// subdomains), and every address the host resolves to is public, unless that address is itself listed
/// (a test receiver on 127.0.0.1, a partner on a private link). A listed name that resolves to a private
/// address is refused: the allow-list names hosts, not the networks behind them.
public enum CallbackTargetRule {
    /// The host of `url` when it may be called, else an error saying why.
    public static func host(of url: String, allowList: [String]) throws -> String {
        guard url.count <= 2_000, let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = parsed.host?.lowercased(), !host.isEmpty,
            parsed.user == nil, parsed.password == nil
        else {
            throw LoupeError(
                .invalidInput,
                "The callback URL '\(TextRules.printable(url))' is not an http(s) address "
                    + "without credentials.")
        }
        let bare = host.trimmingCharacters(in: ["[", "]"])
        guard isListed(bare, allowList: allowList) else {
            throw LoupeError(
                .notAllowed,
                "The callback host \(TextRules.printable(bare)) is not on the allow-list: an "
                    + "admin adds it with `loupe settings callback-hosts`.")
        }
        return bare
    }

    /// Whether a resolved `address` of an allowed host may be called: a public one always, a private, loopback or
    /// link-local one only when it is listed itself.
    public static func mayConnect(to address: String, allowList: [String]) -> Bool {
        !isPrivate(address) || allowList.map { $0.lowercased() }.contains(address.lowercased())
    }

    /// Whether `host` matches an entry: exactly, or under a `*.` entry.
    static func isListed(_ host: String, allowList: [String]) -> Bool {
        allowList.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.contains { entry in
            entry == host
                || (entry.hasPrefix("*.") && host.hasSuffix(entry.dropFirst(1)) && host.count > entry.count - 1)
        }
    }

    /// Whether an IP address (v4 or v6, as text) is loopback, private, link-local, shared, unspecified or
    /// otherwise not on the public internet.
    public static func isPrivate(_ address: String) -> Bool {
        if let v4 = ipv4(address) { return isPrivate(v4) }
        let lowered = address.lowercased()
        if lowered.hasPrefix("::ffff:"), let mapped = ipv4(String(lowered.dropFirst(7))) { return isPrivate(mapped) }
        guard lowered.contains(":") else { return true }  // not an address at all: refused
        if lowered == "::1" || lowered == "::" { return true }
        let first = lowered.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let head = UInt16(first.isEmpty ? "0" : first, radix: 16) else { return true }
        return head & 0xFE00 == 0xFC00 || head & 0xFFC0 == 0xFE80 || head == 0 || head & 0xFF00 == 0xFF00
    }

    private static func isPrivate(_ v4: [UInt8]) -> Bool {
        switch (v4[0], v4[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168), (255, _): true
        case (172, 16...31), (100, 64...127), (192, 0), (198, 18...19), (224...239, _): true
        default: false
        }
    }

    private static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }
}
