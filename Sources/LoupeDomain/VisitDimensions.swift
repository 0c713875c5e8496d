/// The coarse dimensions analytics may count by, derived from identifying values that are never published: the
/// device type and browser family from a user agent, the value band from an order's amount.
public enum VisitDimensions {
    /// `mobile`, `tablet`, `desktop` or `unknown`.
    public static func deviceType(userAgent: String?) -> String {
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else { return "unknown" }
        if agent.contains("ipad") || agent.contains("tablet") { return "tablet" }
        if agent.contains("android") && !agent.contains("mobile") { return "tablet" }
        if agent.contains("iphone") || agent.contains("mobile") || agent.contains("android") { return "mobile" }
        let desktops = ["windows", "macintosh", "x11", "linux"]
        if desktops.contains(where: agent.contains) {
            return "desktop"
        }
        return "unknown"
    }

    /// `Edge`, `Opera`, `Samsung Internet`, `Firefox`, `Chrome`, `Safari` or `other` (the order matters: each
    /// browser names the ones it derives from).
    public static func browserFamily(userAgent: String?) -> String {
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else { return "other" }
        let families: [(String, String)] = [
            ("edg/", "Edge"), ("opr/", "Opera"), ("samsungbrowser", "Samsung Internet"),
            ("firefox", "Firefox"), ("fxios", "Firefox"), ("crios", "Chrome"),
            ("chrome", "Chrome"), ("safari", "Safari"),
        ]
        return families.first { agent.contains($0.0) }?.1 ?? "other"
    }

    /// The band of an order's total: `EUR <50`, `EUR 50–199`, `EUR 200–999`, `EUR 1000+` (in major units).
    public static func valueBand(totalMinor: Int64, currency: String) -> String {
        let major = totalMinor / 100
        let band =
            switch major {
            case ..<50: "<50"
            case 50..<200: "50–199"
            case 200..<1_000: "200–999"
            default: "1000+"
            }
        // The currency comes from the shop's export: anything but three letters is shown as such, never as given.
        let isCode = currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isLetter }
        let code = isCode ? currency.uppercased() : "XXX"
        return "\(code) \(band)"
    }

    /// The country as analytics shows it: an ISO code of two letters, else `unknown`.
    public static func country(_ code: String?) -> String {
        guard let code, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return "unknown" }
        return code.uppercased()
    }
}
