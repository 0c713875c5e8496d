import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// The customers a notice goes to, as SQL over `customer c`: not erased, with an address to write to.
    static let noticeRecipientSQL = "c.erasedAt IS NULL AND c.email IS NOT NULL AND c.email != ''"

    /// Queues one notice of `event` to each customer `customerIdsSQL` selects (a query over `customer c` giving
    /// `c.id`), inside the caller's transaction, rendered from its template with `values` and each customer's
    /// name; the address is sealed by the vault like every message's. The outbox sends them in batches
    /// (`loupe outbox send --batch`). Audited once, with the count. Returns how many were queued.
    @discardableResult
    func queueNotices(
        _ db: Database, _ event: MessageEvent, customerIdsSQL: String, arguments: StatementArguments = [],
        values: [Placeholder: String], target: String, actor: String, at time: Date
    ) throws -> Int {
        precondition(event.isNotice, "only notices go to a customer without a request")
        let template = try Self.template(db, event)
        let vault = try currentVault(db)
        let domain = try Self.messageIdDomain(db)
        var common = values
        common[.shopName] = Self.defaultShopName
        common[.privacyEmail] = try Self.privacyAddressText(db)
        let recipients = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.fullName, c.email FROM customer c
                WHERE c.id IN (\(customerIdsSQL)) AND \(Self.noticeRecipientSQL) ORDER BY c.id
                """, arguments: arguments)
        var count = 0
        while let row = try recipients.next() {
            var filled = common
            let name: String? = row["fullName"]
            filled[.recipientName] = name ?? "customer"
            let rendered = try template.render(filled)
            try OutboxMessageRecord(
                requestId: nil, customerId: row["id"], event: event.rawValue, toName: try name.map(vault.seal),
                toAddress: try vault.seal(row["email"]), subject: rendered.subject, body: rendered.body,
                messageId: "<\(UUID().uuidString.lowercased())@\(domain)>", createdAt: time
            ).insertRow(db)
            count += 1
        }
        try AuditLog.append(
            db, at: time, actor: actor, event: .noticesQueued, target: target,
            details: ["event": event.rawValue, "count": String(count)])
        return count
    }
}
