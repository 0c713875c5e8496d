import Crypto
import Foundation
import GRDB
import LoupeDomain

/// Where an access export was written and the SHA-256 of each file.
public struct ExportResult: Equatable, Sendable {
    public var folder: String
    public var checksums: [String: String]
}

extension AppDatabase {
    /// Writes the access export of a verified access request into `<directory>/<request id>/`: `data.json`,
    /// `report.txt` and `SHA256SUMS`, owner-only. Records the folder and hashes on the request and audits who
    /// exported what, in one transaction; if anything fails the folder is removed and nothing is recorded.
    public func exportAccess(publicId: String, to directory: String, actor: StaffMember, at time: Date) throws -> ExportResult {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(publicId).path
        // Read a consistent snapshot and render the files without holding the write lock.
        let (export, report) = try read { db -> (AccessExport, String) in
            let customerId = try Self.checkExport(db, publicId: publicId, actor: actor, at: time)
            let export = try Self.accessExport(db, customerId: customerId, requestId: publicId, at: time)
            let periods = try Row.fetchAll(db, sql: "SELECT * FROM retentionRule ORDER BY category").map {
                AccessReport.Period(category: $0["category"], days: $0["days"], action: $0["action"])
            }
            let effective = try Date.fetchOne(db, sql: "SELECT effectiveAt FROM policyVersion WHERE version = ?",
                                              arguments: [export.policyVersion])
            return (export, AccessReport.text(export, periods: periods, policyEffective: effective,
                                              policy: try Self.deadlinePolicy(db)))
        }
        try Self.makePrivateFolder(folder, modes: .custody)
        do {
            var checksums: [String: String] = [:]
            var files: [(String, Data)] = [("data.json", export.json()), ("report.txt", Data(report.utf8))]
            for (name, data) in files {
                checksums[name] = SHA256.hash(data: data).lowercaseHex
            }
            files.append(("SHA256SUMS", Data(checksums.keys.sorted().map { "\(checksums[$0]!)  \($0)\n" }.joined().utf8)))
            try Self.writeDurably(files, in: folder, modes: .custody)
            // Record it, checking again that the export is still allowed (nobody closed or took the request).
            try write { db in
                _ = try Self.checkExport(db, publicId: publicId, actor: actor, at: time)
                try db.execute(sql: """
                    INSERT INTO requestExport (requestId, folder, checksums, createdBy, createdAt)
                    SELECT id, ?, ?, ?, ? FROM privacyRequest WHERE publicId = ?
                    """, arguments: [folder, CanonicalJSON.object(checksums), actor.userName, time, publicId])
                try PrivacyRequestRecord.touch(db, publicId: publicId)
                var details = checksums.mapValues { String($0.prefix(16)) }
                details["customer"] = export.profile.customerId
                try AuditLog.append(db, at: time, actor: actor.userName, event: .request(.export), target: publicId, details: details)
            }
            return ExportResult(folder: folder, checksums: checksums)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// Refuses unless the actor may export this request now; returns the customer it is about.
    private static func checkExport(_ db: Database, publicId: String, actor: StaffMember, at time: Date) throws -> Int64 {
        let request = try fetchDetail(db, publicId: publicId)
        try RequestRules.check(.export, on: request.summary.facts, by: currentMember(db, actor), now: time,
                               policy: deadlinePolicy(db))
        guard let customerId = try Int64.fetchOne(db, sql: "SELECT customerId FROM privacyRequest WHERE publicId = ?",
                                                  arguments: [publicId]) else {
            throw LoupeError(.notAllowed, "\(publicId) matched no customer: the shop holds no data under that address. Complete it with a note saying so.")
        }
        return customerId
    }

    static func makePrivateFolder(_ folder: String, modes: ExportModes) throws {
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw LoupeError(.conflict, "\(folder) already exists: an export was written there before. Move it away, or give another --out.")
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: modes.folder])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: modes.folder])
        } catch {
            throw LoupeError(.storage, "Could not create \(folder): check the --out directory.", cause: error)
        }
    }

    /// Writes the files owner-only, then makes them and the folder durable before the export is recorded: all
    /// written first and synced after (one journal commit covers them), not written and synced one by one.
    static func writeDurably(_ files: [(String, Data)], in folder: String, modes: ExportModes) throws {
        var descriptors: [Int32] = []
        defer { descriptors.forEach { close($0) } }
        for (name, data) in files {
            let path = folder + "/" + name
            let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, modes.file)
            guard fd >= 0 else { throw LoupeError(.storage, "Could not create \(path).") }
            descriptors.append(fd)
            fchmod(fd, modes.file)  // exactly, whatever the umask
            let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, data.count) }
            guard written == data.count else { throw LoupeError(.storage, "Could not write \(path): is the disk full?") }
        }
        let directory = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 { descriptors.append(directory) }
        for fd in descriptors where fsync(fd) != 0 {
            throw LoupeError(.storage, "Could not write the export in \(folder): is the disk full?")
        }
    }
}

/// The modes of an export's folders and files.
struct ExportModes {
    let folder: Int
    let file: mode_t
    /// In Loupe's custody (`exports/`): the install's group reads them through `loupe export show`, and an admin's
    /// sweep or an erasure can remove them, whoever made them: folders 770, files 640.
    static let custody = ExportModes(folder: 0o770, file: 0o640)
    /// A copy out of custody (`--out`): the user's own, owner-only.
    static let copy = ExportModes(folder: 0o700, file: 0o600)
}

/// How Loupe touches files a user names (`export --out`): with the process's rights, or through a wrapper that
/// gives up the installed binary's group privilege first (the CLI passes one).
public struct UserFileAccess: Sendable {
    let perform: @Sendable (() throws -> Void) throws -> Void

    /// Files are touched through `perform`, which must run its argument once.
    public init(_ perform: @escaping @Sendable (() throws -> Void) throws -> Void) { self.perform = perform }

    /// With the process's own rights.
    public static let processRights = UserFileAccess { try $0() }
}

extension AppDatabase {
    /// Completes an access request that has no export yet: writes the export, then completes (the completion
    /// message says where the export is). Two use cases, each its own transaction: a failure between them leaves
    /// an exported, open request, which completes later as any other.
    public func exportAndComplete(publicId: String, to directory: String, actor: StaffMember, at time: Date) throws
        -> (ExportResult, RequestDetail) {
        let result = try exportAccess(publicId: publicId, to: directory, actor: actor, at: time)
        return (result, try perform(.complete, on: publicId, actor: actor, at: time))
    }
}
