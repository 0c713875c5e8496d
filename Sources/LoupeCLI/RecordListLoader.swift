import Foundation
import LoupeDomain
import LoupeStore
import LoupeUI

/// Reads the record list screens from the store: the audit log, open notices, one order.
struct RecordListLoader {
    let database: AppDatabase
    let actor: StaffMember
    /// The console's clock (the tray's ages are counted from it).
    let now: Date

    func load(_ kind: RecordKind) throws -> RecordList {
        let policy = try database.deadlinePolicy()
        switch kind {
        case .audit:
            let entries = try database.auditEntries(limit: 500, actor: actor)
            return RecordList(
                title: "Audit log · newest 500 · Enter opens a request or customer",
                columns: [("#", 8), ("WHEN", 18), ("ACTOR", 10), ("ACTION", 26), ("TARGET", 18), ("DETAILS", 0)],
                rows: entries.map { entry in
                    RecordList.Row(
                        cells: [String(entry.sequence), policy.minuteString(entry.occurredAt), entry.actor, entry.action, entry.target,
                                entry.details == "{}" ? "" : entry.details],
                        opens: entry.target.hasPrefix("PR-") || entry.target.hasPrefix("C-") ? entry.target : nil)
                })
        case .tasks:
            let tasks = try database.processorTasks(actor: actor)
            return RecordList(
                title: "Open notices to recipients (Art. 19) · Enter opens the request",
                columns: [("#", 7), ("REQUEST", 16), ("KIND", 10), ("RECIPIENT", 14), ("OPENED", 0)],
                rows: tasks.map { task in
                    RecordList.Row(cells: [String(task.id), task.requestPublicId, task.recipientKind == "courier" ? "courier" : "payments",
                                           task.recipient, task.createdAt.map(policy.dayString) ?? "-"],
                                   opens: task.requestPublicId, notice: task)
                })
        case .orders:
            return RecordList(
                title: "Orders · newest 500 · Enter opens the order",
                columns: [("ORDER", 14), ("PLACED", 18), ("STATUS", 12), ("TOTAL", 14), ("CUSTOMER", 0)],
                rows: try database.recentOrders(actor: actor).map { order in
                    RecordList.Row(cells: [order.number, policy.minuteString(order.placedAt), order.status,
                                           String(format: "%.2f %@", Double(order.totalMinor) / 100, order.currency),
                                           order.customer ?? "guest"],
                                   opens: "order:\(order.number)")
                })
        case .mail:
            let mail = try database.unsortedMail(withBodies: true, actor: actor)
            return RecordList(
                title: "Unsorted mail · \(mail.count), oldest first",
                columns: [("#", 7), ("AGE", 5), ("WHY", 17), ("FROM", 26), ("SUBJECT", 34), ("TEXT", 0)],
                rows: mail.map { item in
                    let text = (item.body ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
                    return RecordList.Row(
                        cells: [String(item.id), item.age(at: now), item.reason.label,
                                item.fromAddress.map(Masking.email) ?? "(no sender)", item.subject,
                                String(text.prefix(2_000))],
                        opens: nil, mail: item.id)
                })
        case .order(let number):
            let order = try database.order(number: number, actor: actor)
            let total = String(format: "%.2f %@", Double(order.totalMinor) / 100, order.currency)
            return RecordList(
                title: "Order \(order.number) · Enter opens the customer",
                columns: [("SKU", 14), ("ITEM", 34), ("QTY", 6), ("PRICE", 0)],
                rows: order.items.map { item in
                    RecordList.Row(cells: [item.sku, item.name, String(item.quantity), String(format: "%.2f", Double(item.priceMinor) / 100)],
                                   opens: order.customerPublicId)
                },
                summary: "placed \(policy.minuteString(order.placedAt)) · \(order.status) · \(total)"
                    + (order.carrier.map { " · \($0)" } ?? "") + " · customer \(order.customerPublicId ?? "none (guest order)")")
        }
    }
}
