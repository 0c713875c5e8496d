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
        var created = false
        do {
            return try write { db in
                let request = try Self.fetchDetail(db, publicId: publicId)
                try RequestRules.checkFulfilment(.access, on: request.summary.facts, by: Self.freshActor(db, actor))
                guard let customerId = try Int64.fetchOne(db, sql: "SELECT customerId FROM privacyRequest WHERE publicId = ?",
                                                          arguments: [publicId]) else {
                    throw LoupeError(.notAllowed, "\(publicId) matched no customer: the shop holds no data under that address. Complete it with a note saying so.")
                }
                let export = try Self.accessExport(db, customerId: customerId, requestId: publicId, at: time)
                let policy = try Self.deadlinePolicy(db)
                let periods = try Row.fetchAll(db, sql: "SELECT * FROM retentionRule ORDER BY category").map {
                    AccessReport.Period(category: $0["category"], days: $0["days"], action: $0["action"])
                }
                let effective = try Date.fetchOne(db, sql: "SELECT effectiveAt FROM policyVersion WHERE version = ?",
                                                  arguments: [export.policyVersion])
                let files = [
                    ("data.json", export.json()),
                    ("report.txt", Data(AccessReport.text(export, periods: periods, policyEffective: effective, policy: policy).utf8)),
                ]
                try Self.makePrivateFolder(folder)
                created = true
                var checksums: [String: String] = [:]
                for (name, data) in files {
                    try Self.writePrivateFile(folder + "/" + name, data)
                    checksums[name] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                }
                let sums = checksums.keys.sorted().map { "\(checksums[$0]!)  \($0)\n" }.joined()
                try Self.writePrivateFile(folder + "/SHA256SUMS", Data(sums.utf8))
                try db.execute(sql: """
                    INSERT INTO requestExport (requestId, folder, checksums, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [request.summary.id, folder, AuditLog.canonicalJSON(checksums), actor.userName, time])
                try db.execute(sql: "UPDATE privacyRequest SET version = version + 1 WHERE id = ?", arguments: [request.summary.id])
                var details = checksums.mapValues { String($0.prefix(16)) }
                details["customer"] = export.profile.customerId
                try AuditLog.append(db, at: time, actor: actor.userName, action: "request.export", target: publicId, details: details)
                return ExportResult(folder: folder, checksums: checksums)
            }
        } catch {
            if created { try? FileManager.default.removeItem(atPath: folder) }
            throw error
        }
    }

    private static func makePrivateFolder(_ folder: String) throws {
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw LoupeError(.conflict, "\(folder) already exists: an export was written there before. Move it away, or give another --out.")
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LoupeError(.storage, "Could not create \(folder): check the --out directory.", cause: error)
        }
    }

    private static func writePrivateFile(_ path: String, _ data: Data) throws {
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LoupeError(.storage, "Could not create \(path).") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, data.count) }
        guard written == data.count, fsync(fd) == 0 else { throw LoupeError(.storage, "Could not write \(path): is the disk full?") }
    }
}
