import Foundation
import GRDB
import LoupeDomain

/// A message template as the shop uses it: the shipped one, or an admin's edit of it.
public struct StoredTemplate: Equatable, Sendable {
    public var template: MessageTemplate
    /// Who edited it and when; nil for the shipped text.
    public var edited: (by: String, at: Date)?

    public static func == (lhs: StoredTemplate, rhs: StoredTemplate) -> Bool {
        lhs.template == rhs.template && lhs.edited?.by == rhs.edited?.by && lhs.edited?.at == rhs.edited?.at
    }
}

extension AppDatabase {
    /// Every event's template, in event order.
    public func templates() throws -> [StoredTemplate] {
        try read { db in try MessageEvent.allCases.map { try Self.storedTemplate(db, $0) } }
    }

    /// One event's template.
    public func template(_ event: MessageEvent) throws -> StoredTemplate {
        try read { db in try Self.storedTemplate(db, event) }
    }

    /// Replaces an event's template (admins only), after checking every placeholder is known for the event.
    /// Audited with the event's name; the text itself holds no personal data.
    public func setTemplate(_ template: MessageTemplate, actor: StaffMember, at time: Date) throws {
        let checked = try template.validated()
        try write { db in
            try Self.authorize(db, actor, .editTemplates)
            try db.execute(sql: """
                INSERT INTO messageTemplate (event, subject, body, updatedBy, updatedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(event) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                    updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt
                """, arguments: [checked.event.rawValue, checked.subject, checked.body, actor.userName, time])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .templateEdited,
                                target: "template:\(checked.event.rawValue)", details: [:])
        }
    }

    /// Goes back to the shipped template of `event` (admins only; audited).
    public func resetTemplate(_ event: MessageEvent, actor: StaffMember, at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .editTemplates)
            try db.execute(sql: "DELETE FROM messageTemplate WHERE event = ?", arguments: [event.rawValue])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .templateReset,
                                target: "template:\(event.rawValue)", details: [:])
        }
    }

    static func template(_ db: Database, _ event: MessageEvent) throws -> MessageTemplate {
        try storedTemplate(db, event).template
    }

    private static func storedTemplate(_ db: Database, _ event: MessageEvent) throws -> StoredTemplate {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM messageTemplate WHERE event = ?"), arguments: [event.rawValue]) else {
            return StoredTemplate(template: .standard(event), edited: nil)
        }
        return StoredTemplate(template: MessageTemplate(event: event, subject: row["subject"], body: row["body"]),
                              edited: (row["updatedBy"], row["updatedAt"]))
    }
}
