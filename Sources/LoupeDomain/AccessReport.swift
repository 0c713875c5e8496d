import Foundation

/// `report.txt` of an access export: the Art. 15 cover (purposes, categories, recipients, storage periods, source,
/// rights, policy version) and then the same data as `data.json`, for a person to read.
public enum AccessReport {
    /// A retention period as the report states it.
    public struct Period: Equatable, Sendable {
        public var category: String
        public var days: Int
        public var action: String
        public init(category: String, days: Int, action: String) {
            self.category = category; self.days = days; self.action = action
        }
    }

    public static func text(_ export: AccessExport, periods: [Period], policyEffective: Date?, policy: DeadlinePolicy) -> String {
        let couriers = export.recipients.filter { $0.kind == "courier" }.map(\.name)
        let payments = export.recipients.filter { $0.kind == "paymentProvider" }.map(\.name)
        var lines = [
            "jewelrydealshop — copy of your personal data",
            "Request \(export.requestId), prepared \(policy.minuteString(export.generatedAt)) (\(policy.timeZone.identifier))",
            "Privacy policy in force: \(export.policyVersion ?? "unknown")"
                + (policyEffective.map { ", effective \(policy.dayString($0))" } ?? ""),
            "",
            "WHY WE HOLD IT (purposes)",
            "  - to take, deliver and look after your orders (after-sales, returns, inquiries);",
            "  - non-identifying analytics of how the shop is used;",
            "  - marketing, only while you consent to it (see your consent history below).",
            "",
            "WHAT WE HOLD (categories)",
            "  profile: \(export.profile.fullName == nil ? "none" : "name, email, phone, birth date, membership, style preferences")",
            "  addresses: \(export.addresses.count)   orders: \(export.orders.count)   device and browsing events: \(export.deviceEvents.count)",
            "  consent events: \(export.consentHistory.count)   feedback: \(export.feedback.count)   privacy requests: \(export.privacyRequests.count)",
            "  payment: method, amount and, for cards, brand and last four digits only — never a full card number.",
            "",
            "WHO RECEIVED IT (recipients)",
            "  couriers: \(couriers.isEmpty ? "none" : couriers.joined(separator: ", ")) (name, shipping address, phone)",
            "  payment providers: \(payments.isEmpty ? "none" : payments.joined(separator: ", "))",
            "  authorities only when the law requires it. We never sell your data.",
        ]
        lines += disclosureLines(export.disclosures ?? [], policy: policy)
        lines += [
            "",
            "HOW LONG WE KEEP IT",
        ]
        lines += periods.map { "  \($0.category): \($0.days) days, then \($0.action == "delete" ? "deleted" : "anonymised")" }
        lines += [
            "",
            "WHERE IT CAME FROM",
            "  from you (account, orders, feedback), and from your devices when you used the shop (device and browsing events).",
            "",
            "YOUR RIGHTS",
            "  You may ask us to correct (rectify) or erase your data, and withdraw any consent at any time.",
            "  You may complain to a data protection supervisory authority.",
            "  A machine-readable copy of everything below is in data.json (for portability).",
            "",
            "PROFILE (\(export.profile.customerId))",
            "  name: \(export.profile.fullName ?? "-")   email: \(export.profile.email ?? "-")   phone: \(export.profile.phone ?? "-")",
            "  birth date: \(export.profile.birthDate ?? "-")   membership: \(export.profile.membershipTier ?? "-")   style: \(export.profile.stylePreferences ?? "-")",
            "",
            "ADDRESSES",
        ]
        lines += export.addresses.map { "  \($0.kind): \(($0.lines + [$0.city, $0.postalCode ?? "", $0.country]).filter { !$0.isEmpty }.joined(separator: ", "))" }
        lines += ["", "ORDERS"]
        for order in export.orders {
            let card = order.cardBrand.map { " \($0) ending \(order.cardLast4 ?? "????")" } ?? ""
            lines.append("  \(order.number)  \(policy.dayString(order.placedAt))  \(order.status)  \(money(order.totalMinor, order.currency))  \(order.paymentMethod)\(card) via \(order.paymentProvider)")
            if let carrier = order.carrier { lines.append("    shipped with \(carrier)\(order.trackingNumber.map { ", tracking \($0)" } ?? "")") }
            lines += order.items.map { "    \($0.quantity) × \($0.productName) (\($0.sku)) \(money($0.priceMinor, order.currency))" }
        }
        lines += ["", "CONSENT HISTORY"]
        lines += export.consentHistory.map { "  \(policy.minuteString($0.at))  \($0.purpose)  \($0.granted ? "granted" : "withdrawn")  (\($0.source), policy \($0.policyVersion ?? "-"))" }
        let quotes = export.consentPolicies ?? []
        if !quotes.isEmpty {
            lines += ["", "THE POLICY IN FORCE WHEN EACH CONSENT WAS GIVEN"]
            lines += quotes.map { "  \($0.version), effective \(policy.dayString($0.effectiveAt)): \($0.summary)" }
        }
        lines += ["", "DEVICE AND BROWSING EVENTS"]
        lines += export.deviceEvents.map { "  \(policy.minuteString($0.at))  \($0.page ?? "-")  \($0.deviceModel ?? "-")  \($0.ip ?? "-")" }
        lines += ["", "FEEDBACK"]
        lines += export.feedback.map { "  \(policy.dayString($0.at))  \($0.rating.map { "\($0)/5" } ?? "-")  \($0.text)" }
        lines += ["", "PRIVACY REQUESTS"]
        lines += export.privacyRequests.map { "  \($0.id)  \($0.kind)  \($0.status)  received \(policy.dayString($0.receivedAt))" }
        lines += ["", "NOTES STAFF WROTE ON YOUR REQUESTS"]
        lines += (export.staffNotes ?? []).map { "  \(policy.minuteString($0.at))  \($0.request)  \($0.author): \($0.text)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The disclosures about the subject, by recipient: how many times, which fields, when last.
    private static func disclosureLines(_ disclosures: [Disclosure], policy: DeadlinePolicy) -> [String] {
        guard !disclosures.isEmpty else { return ["  disclosures recorded about you: none"] }
        var lines = ["  disclosures recorded about you, by recipient:"]
        var order: [String] = []
        var byRecipient: [String: [Disclosure]] = [:]
        for disclosure in disclosures {
            let key = "\(disclosure.recipientKind.phrase) \(disclosure.recipient)"
            if byRecipient[key] == nil { order.append(key) }
            byRecipient[key, default: []].append(disclosure)
        }
        for key in order {
            let entries = byRecipient[key]!
            var fields: [DisclosureField] = []
            for field in entries.flatMap(\.fields) where !fields.contains(field) { fields.append(field) }
            let last = entries.map(\.disclosedAt).max()!
            lines.append("    \(key): \(entries.count) time\(entries.count == 1 ? "" : "s") "
                         + "(\(fields.map(\.rawValue).joined(separator: ", "))), last \(policy.dayString(last))")
        }
        return lines
    }

    private static func money(_ minor: Int, _ currency: String) -> String {
        String(format: "%d.%02d %@", minor / 100, minor % 100, currency)
    }
}
