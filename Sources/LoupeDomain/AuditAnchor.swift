import Foundation

/// The head of the audit chain (its last sequence and hash) written outside the database, to the system log and
/// a witness file: a later rewrite or truncation of the chain, even by someone who can recompute every hash,
/// no longer matches what was anchored.
public struct AuditAnchor: Equatable, Sendable {
    /// The database the chain lives in (its absolute path), so one witness file can serve several.
    public var database: String
    public var sequence: Int64
    public var hash: String
    public var anchoredAt: Date

    /// Makes an anchor.
    public init(database: String, sequence: Int64, hash: String, anchoredAt: Date) {
        self.database = database
        self.sequence = sequence
        self.hash = hash
        self.anchoredAt = anchoredAt
    }

    /// One witness line: `loupe-anchor v1 TIME SEQUENCE HASH PATH` (the path last, as it may hold spaces).
    public var line: String {
        "loupe-anchor v1 \(CivilTime.iso8601(anchoredAt)) \(sequence) \(hash) \(database)"
    }

    /// The anchor a witness line holds, or nil for any other line (witness files may be shared with other notes).
    public static func parse(_ line: String) -> AuditAnchor? {
        let parts = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "loupe-anchor", parts[1] == "v1",
              let time = CivilTime.parseISO8601(String(parts[2])), let sequence = Int64(parts[3]), sequence >= 0,
              parts[4].count == 64, parts[4].allSatisfy({ $0.isHexDigit }), !parts[5].isEmpty
        else { return nil }
        return AuditAnchor(database: String(parts[5]), sequence: sequence, hash: String(parts[4]), anchoredAt: time)
    }
}
