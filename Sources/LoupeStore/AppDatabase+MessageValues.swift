import Foundation
import GRDB
import LoupeDomain

extension AppDatabase {
    /// The event-specific placeholder values, read inside the transaction that queues the message: where the
    /// export is (never its content), which fields were corrected (names, not values), what the erasure kept.
    /// Written in the request's `language`.
    static func messageValues(_ db: Database, _ event: MessageEvent, requestId: Int64, language: Language) throws
        -> [Placeholder: String] {
        switch event {
        case .accessReady:
            guard let folder = try String.fetchOne(
                db, sql: "SELECT folder FROM requestExport WHERE requestId = ? AND deletedAt IS NULL ORDER BY id DESC LIMIT 1",
                arguments: [requestId]) else {
                throw LoupeError(.notAllowed, "Export the subject's data first (X, or loupe export): the completion message says where the export is.")
            }
            // With a public URL, the subject gets a one-time link (made when the message is sent), not a path.
            return [.exportLocation: try setting(db, .publicURL) == nil ? folder : ExportLink.placeholder]
        case .rectificationDone:
            let payload = try String.fetchOne(db, sql: "SELECT payload FROM privacyRequest WHERE id = ?", arguments: [requestId])
            let fields = (payload.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:])
                .keys.compactMap(CorrectableField.init(rawValue:)).map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.sorted()
            return [.correctedFields: fields.isEmpty ? language.detailsYouGave : fields.joined(separator: ", ")]
        case .erasureDone:
            let policy = try deadlinePolicy(db)
            let kept = try Row.fetchAll(db, sql: """
                SELECT category, reference, ground, retainUntil FROM retainedItem WHERE requestId = ? ORDER BY retainUntil, id
                """, arguments: [requestId]).map { row -> String in
                let until: Date = row["retainUntil"]
                return "- \(row["category"] as String) \(row["reference"] as String): \(row["ground"] as String), until \(policy.dayString(until))"
            }
            return [.retainedItems: kept.isEmpty ? language.nothingKept : kept.joined(separator: "\n")]
        case .consentWithdrawn:
            return [.withdrawnPurposes: language.everyPurpose]
        default:
            return [:]
        }
    }
}
