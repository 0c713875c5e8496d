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
    /// Every event's template in every language (or in `language`), in event order, English first.
    public func templates(in language: Language? = nil) throws -> [StoredTemplate] {
        try read { db in
            try MessageEvent.allCases.flatMap { event in
                try (language.map { [$0] } ?? Language.allCases).map { try Self.storedTemplate(db, event, $0) }
            }
        }
    }

    /// One event's template in `language`.
    public func template(_ event: MessageEvent, in language: Language = .english) throws -> StoredTemplate {
        try read { db in try Self.storedTemplate(db, event, language) }
    }

    /// Replaces an event's template (admins only), after checking every placeholder is known for the event.
    /// Audited with the event's name; the text itself holds no personal data.
    public func setTemplate(_ template: MessageTemplate, actor: StaffMember, at time: Date) throws {
        let checked = try template.validated()
        try write { db in
            try Self.authorize(db, actor, .editTemplates)
            try db.execute(sql: """
                INSERT INTO messageTemplate (event, language, subject, body, updatedBy, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(event, language) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                    updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt
                """, arguments: [checked.event.rawValue, checked.language.rawValue, checked.subject, checked.body,
                                 actor.userName, time])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .templateEdited,
                                target: "template:\(checked.event.rawValue)",
                                details: ["language": checked.language.rawValue])
        }
    }

    /// Goes back to the shipped template of `event` in `language` (admins only; audited).
    public func resetTemplate(_ event: MessageEvent, in language: Language = .english, actor: StaffMember,
                              at time: Date) throws {
        try write { db in
            try Self.authorize(db, actor, .editTemplates)
            try db.execute(sql: "DELETE FROM messageTemplate WHERE event = ? AND language = ?",
                           arguments: [event.rawValue, language.rawValue])
            try AuditLog.append(db, at: time, actor: actor.userName, event: .templateReset,
                                target: "template:\(event.rawValue)", details: ["language": language.rawValue])
        }
    }

    static func template(_ db: Database, _ event: MessageEvent, _ language: Language = .english) throws
        -> MessageTemplate {
        try storedTemplate(db, event, language).template
    }

    private static func storedTemplate(_ db: Database, _ event: MessageEvent, _ language: Language) throws
        -> StoredTemplate {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM messageTemplate WHERE event = ? AND language = ?"),
            arguments: [event.rawValue, language.rawValue])
        else {
            return StoredTemplate(template: .standard(event, in: language), edited: nil)
        }
        return StoredTemplate(
            template: MessageTemplate(event: event, subject: row["subject"], body: row["body"], language: language),
            edited: (row["updatedBy"], row["updatedAt"]))
    }
}
