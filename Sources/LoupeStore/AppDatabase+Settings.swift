import Foundation
import GRDB
import LoupeDomain

/// Keys of the `loupeSetting` table.
package enum SettingKey: String {
    /// "1" on a database made by `loupe demo` (where `--as` is allowed).
    case isDemo
    /// The shop's time zone identifier (default UTC).
    case timeZone
    /// When the retention sweep last ran (ISO 8601).
    case lastSweep
    /// The retention outlook the last sweep counted, for the dashboard (JSON, `RetentionOutlookCache`).
    case retentionOutlook
    /// "1" while an erased person's tokens may still sit in the search index's older segments (until merged).
    case searchPurgePending
    /// The fingerprint of the vault key the database's values are sealed with (`RetentionVault.fingerprint`).
    case vaultKeyFingerprint
    /// The address every message to subjects comes from, and the domain of their Message-IDs.
    case privacyAddress
    /// The hosts OpenDSR status callbacks may go to (JSON array of names, `*.` wildcards, or IP addresses).
    case callbackHosts
    /// Where the public reaches `loupe serve` (links in messages start with it), e.g. https://privacy.shop.example.
    case publicURL
    /// How many days a one-time export link works (default `ExportLink.defaultDays`).
    case exportLinkDays
    /// How often each of `serve`'s jobs runs (JSON: job name to seconds).
    case jobSchedule
    /// The smallest number of customers a published analytics cell describes (default `KAnonymity.defaultK`).
    case analyticsK
    /// This database's own id (random, made by migration v19): witness lines name their database by it.
    case databaseId
    /// The authserv-id of the receiving mail host whose Authentication-Results headers are trusted (RFC 8601).
    case mailAuthservId
}

extension AppDatabase {
    /// Whether this database was made by `loupe demo`.
    public func isDemo() throws -> Bool {
        try read { db in try Self.setting(db, .isDemo) == "1" }
    }

    /// The deadline rules in force, in the shop's time zone.
    public func deadlinePolicy() throws -> DeadlinePolicy {
        try read { db in try Self.deadlinePolicy(db) }
    }

    /// The staff member with this OS user name, if any.
    public func staffMember(userName: String) throws -> StaffMember? {
        try read { db in try Self.fetchStaff(db, userName: userName) }
    }

    /// Whether the database holds anything yet (used to decide whether `loupe demo` must seed it).
    public func isEmpty() throws -> Bool {
        try read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM staff")) == 0 }
    }

    static func setting(_ db: Database, _ key: SettingKey) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM loupeSetting WHERE key = ?"), arguments: [key.rawValue])
    }

    package static func setSetting(_ db: Database, _ key: SettingKey, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO loupeSetting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key.rawValue, value])
    }

    /// The address messages to subjects come from (`settings privacy-address`), or nil until an admin sets it
    /// (messages are then queued, and `outbox send` refuses to send them, saying what to set).
    public func privacyAddress() throws -> String? {
        try read { db in try Self.setting(db, .privacyAddress) }
    }

    /// What messages name as the address to write to: the privacy address, or words asking to reply.
    static func privacyAddressText(_ db: Database) throws -> String {
        try setting(db, .privacyAddress) ?? "the address this message came from"
    }

    /// The domain of Loupe's Message-IDs: the privacy address's, else this host's name.
    static func messageIdDomain(_ db: Database) throws -> String {
        try setting(db, .privacyAddress).flatMap { $0.split(separator: "@").last.map(String.init) }
            ?? ProcessInfo.processInfo.hostName
    }

    /// The authserv-id whose Authentication-Results are trusted (nil: none is, and no mail is authenticated).
    public func mailAuthservId() throws -> String? {
        try read { db in try Self.setting(db, .mailAuthservId) }
    }

    /// Sets the receiving mail host whose `Authentication-Results` headers are trusted (admins; audited): a
    /// reply's verification code then verifies only when DMARC, or an aligned DKIM signature, passed there for its
    /// `From:`. That host must remove such headers of its own name from what arrives (opendmarc and rspamd do).
    public func setMailAuthservId(_ name: String, actor: StaffMember, at time: Date) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 253,
              trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) })
        else {
            throw LoupeError(
                .invalidInput,
                "'\(TextRules.printable(name))' is not an authserv-id: give the host name your MTA writes first in "
                    + "its Authentication-Results headers, e.g. mx.jewelrydealshop.com.")
        }
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .mailAuthservId, trimmed)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .mailAuthservIdSet, target: "loupe",
                                details: ["authservId": trimmed])
        }
    }

    /// Sets the privacy address (admins): checked as a mail address, audited.
    public func setPrivacyAddress(_ address: String, actor: StaffMember, at time: Date) throws {
        let checked = try MailAddress(name: nil, address: address.trimmingCharacters(in: .whitespaces)).address
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .privacyAddress, checked)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .privacyAddressSet, target: "loupe",
                                details: ["domain": String(checked.split(separator: "@").last ?? "")])
        }
    }

    static func deadlinePolicy(_ db: Database) throws -> DeadlinePolicy {
        let identifier = try setting(db, .timeZone) ?? "UTC"
        guard let zone = TimeZone(identifier: identifier) else {
            throw LoupeError(.configuration, "The shop's time zone '\(identifier)' is unknown: set a valid IANA name.")
        }
        return DeadlinePolicy(timeZone: zone)
    }
}

extension AppDatabase {
    /// Sets the shop's time zone (deadlines count calendar months and days in it). Admins only; audited.
    public func setTimeZone(_ identifier: String, actor: StaffMember, at time: Date) throws {
        guard TimeZone(identifier: identifier) != nil else {
            throw LoupeError(.invalidInput, "'\(TextRules.printable(identifier))' is not a time zone; use an IANA name like Europe/Berlin.")
        }
        try write { db in
            try Self.authorize(db, actor, .changeSettings)
            try Self.setSetting(db, .timeZone, identifier)
            try AuditLog.append(db, at: time, actor: actor.userName, event: .timeZoneSet, target: "loupe",
                                details: ["timeZone": identifier])
        }
    }
}
