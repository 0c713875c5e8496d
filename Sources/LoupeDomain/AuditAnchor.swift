import Foundation

/// The head of the audit chain (its last sequence and hash) written outside the database, to the system log and
/// a witness file: a later rewrite or truncation of the chain, even by someone who can recompute every hash,
/// no longer matches what was anchored.
public struct AuditAnchor: Equatable, Sendable {
    /// The database the chain lives in (its absolute path, for people reading the witness).
    public var database: String
    /// The database's own id (stored in it): what decides whose anchor a line is. Nil in lines written before
    /// ids (v1), which are matched by path.
    public var databaseId: String?
    public var sequence: Int64
    public var hash: String
    public var anchoredAt: Date

    /// Makes an anchor.
    public init(database: String, databaseId: String? = nil, sequence: Int64, hash: String, anchoredAt: Date) {
        self.database = database
        self.databaseId = databaseId
        self.sequence = sequence
        self.hash = hash
        self.anchoredAt = anchoredAt
    }

    /// One witness line: `loupe-anchor v2 TIME SEQUENCE HASH ID PATH` (the path last, as it may hold spaces).
    public var line: String {
        "loupe-anchor v2 \(CivilTime.iso8601(anchoredAt)) \(sequence) \(hash) \(databaseId ?? "-") \(database)"
    }

    /// Whether this anchor is of the database with `id` at `path` (by id; a v1 line by its path).
    public func belongs(toId id: String?, path: String) -> Bool {
        if let databaseId, let id { return databaseId == id }
        return database == path
    }

    /// The anchor a witness line holds, or nil for any other line (witness files may be shared with other notes).
    public static func parse(_ line: String) -> AuditAnchor? {
        let parts = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "loupe-anchor", parts[1] == "v1" || parts[1] == "v2",
              let time = CivilTime.parseISO8601(String(parts[2])), let sequence = Int64(parts[3]), sequence >= 0,
              parts[4].count == 64, parts[4].allSatisfy({ $0.isHexDigit })
        else { return nil }
        if parts[1] == "v1" {
            let path = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)[5]
            guard !path.isEmpty else { return nil }
            return AuditAnchor(database: String(path), sequence: sequence, hash: String(parts[4]), anchoredAt: time)
        }
        guard parts.count == 7, !parts[6].isEmpty, parts[5].allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            return nil
        }
        return AuditAnchor(database: String(parts[6]), databaseId: parts[5] == "-" ? nil : String(parts[5]),
                           sequence: sequence, hash: String(parts[4]), anchoredAt: time)
    }
}
