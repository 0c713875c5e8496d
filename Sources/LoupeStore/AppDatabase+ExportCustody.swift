import Foundation
import GRDB
import LoupeDomain

/// One access export in Loupe's custody.
public struct ExportRecord: Equatable, Sendable, Codable {
    public var request: String
    public var folder: String
    public var createdBy: String
    public var createdAt: Date
    public var deletedAt: Date?
}

extension AppDatabase {
    /// Every access export, newest first (deleted ones too, with when).
    public func exportRecords(limit: Int = 500, actor: StaffMember) throws -> [ExportRecord] {
        try exportRecords(limit: limit, reader: actor)
    }

    /// `exportRecords` without the gate: for the store's own use and its tests.
    func exportRecords(limit: Int = 500) throws -> [ExportRecord] {
        try exportRecords(limit: limit, reader: nil)
    }

    func exportRecords(limit: Int = 500, reader: StaffMember?) throws -> [ExportRecord] {
        try read(as: reader, .readExport) { db in
            try Row.fetchAll(db, sql: """
                SELECT r.publicId, e.folder, e.createdBy, e.createdAt, e.deletedAt FROM requestExport e
                JOIN privacyRequest r ON r.id = e.requestId ORDER BY e.id DESC LIMIT ?
                """, arguments: [limit]).map {
                ExportRecord(request: $0["publicId"], folder: $0["folder"], createdBy: $0["createdBy"],
                             createdAt: $0["createdAt"], deletedAt: $0["deletedAt"])
            }
        }
    }

    /// The folder of a request's newest export that still exists, or a refusal saying what to do.
    private static func liveExport(_ db: Database, publicId: String) throws -> String {
        guard let folder = try String.fetchOne(db, sql: """
            SELECT e.folder FROM requestExport e JOIN privacyRequest r ON r.id = e.requestId
            WHERE r.publicId = ? AND e.deletedAt IS NULL ORDER BY e.id DESC LIMIT 1
            """, arguments: [publicId]) else {
            throw LoupeError(.notFound, "\(publicId) has no export on file: make one with `loupe export \(publicId)`.")
        }
        return folder
    }

    /// The report of a request's newest export, read by a staff member: personal data shown, so audited.
    public func readExportReport(publicId: String, actor: StaffMember, at time: Date) throws -> String {
        try write { db in
            try Self.authorize(db, actor, .readExport)
            let folder = try Self.liveExport(db, publicId: publicId)
            guard let text = try? String(contentsOfFile: folder + "/report.txt", encoding: .utf8) else {
                throw LoupeError(.storage, "The export of \(publicId) at \(folder) cannot be read: run loupe doctor.")
            }
            try AuditLog.append(db, at: time, actor: actor.userName, event: .exportRead, target: publicId)
            return text
        }
    }

    /// Refuses a copy destination inside Loupe's custody folder (a copy is what leaves custody). Front doors call
    /// it before exporting, so nothing is written when the destination is wrong.
    public func checkCopyDestination(_ directory: String) throws {
        if let custody = exportsFolder, Self.isInside(directory + "/x", folder: custody) {
            throw LoupeError(.invalidInput, "\(directory) is in Loupe's custody folder; --out copies an export out of custody: name a folder of yours, e.g. --out ~/exports.")
        }
    }

    /// Copies a request's newest export out of Loupe's custody into `<directory>/<request id>/` (files owner-only,
    /// owned by whoever runs this, through `userFiles`), audited as a copy that left Loupe: who, and where to.
    @discardableResult
    public func copyExport(publicId: String, to directory: String, actor: StaffMember, at time: Date,
                           userFiles: UserFileAccess = .processRights) throws -> String {
        try write { db in
            try Self.authorize(db, actor, .copyExport, AccessFacts(holder: try Self.assignee(db, publicId: publicId)))
            let source = try Self.liveExport(db, publicId: publicId)
            try checkCopyDestination(directory)
            let target = URL(fileURLWithPath: directory).appendingPathComponent(publicId).path
            var files: [(String, Data)] = []
            for name in ["data.json", "report.txt", "SHA256SUMS"] {
                guard let data = FileManager.default.contents(atPath: source + "/" + name) else {
                    throw LoupeError(.storage, "The export of \(publicId) lacks \(name) at \(source): run loupe doctor.")
                }
                files.append((name, data))
            }
            try userFiles.perform {
                try Self.makePrivateFolder(target, modes: .copy)
                try Self.writeDurably(files, in: target, modes: .copy)
            }
            try AuditLog.append(db, at: time, actor: actor.userName, event: .exportCopied, target: publicId,
                                details: ["to": target])
            return target
        }
    }
}
