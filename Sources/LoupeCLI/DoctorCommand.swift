import ArgumentParser
import Foundation
import LoupeDomain
import LoupeStore

/// `loupe doctor`: checks a database and its files for a shared host and prints what to fix.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database: file modes, journal mode, integrity, audit chain, schema version, staff.",
        discussion: """
            Exits 0 when nothing needs fixing, 1 when something does (each problem is printed with its fix). \
            The permission model is in README.md, under Install on a shared host: the database, its -wal and \
            -shm files and its lock are readable and writable by their group (the `loupe` group), the keys \
            readable by it, exports in custody the group's, and nothing is others'. Run by the installed binary \
            on its own database, it also checks the install: the binary, the data directory, every file's \
            owner, and (a warning) login users in the group.
            """)

    @Option(help: ArgumentHelp("The witness file of audit anchors to check the chain against.", valueName: "file"))
    var witness: String = AnchorAudit.defaultWitness
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = database.resolvedPath
        var checks = FileModeCheck.checks(databasePath: path)
        if let install = InstallConfig.current, DatabaseOptions.isConfiguredDatabase(path) {
            checks += InstallCheck.checks(install)
        }
        if FileManager.default.fileExists(atPath: path) {
            try CLIFailure.reporting {
                checks += try AppDatabase.healthChecks(path: path)
                checks.append(try Self.witnessCheck(path, witness: witness))
            }
        }
        for check in checks {
            print("\(check.fix == nil ? "ok  " : check.isWarning ? "WARN" : "FIX ") \(check.name): \(check.finding)")
            if let fix = check.fix { print("     → \(fix)") }
        }
        let problems = checks.filter { $0.fix != nil && !$0.isWarning }.count
        print(problems == 0 ? "Nothing to fix." : "\(problems) thing\(problems == 1 ? "" : "s") to fix.")
        if problems > 0 { throw ExitCode(1) }
    }
}

extension DoctorCommand {
    /// The chain against the anchors in the default witness (the same check as `audit verify`), and the triggers.
    static func witnessCheck(_ path: String, witness: String, now: Date = Date()) throws -> HealthCheck {
        let database = try AppDatabase.open(path: path, create: false, logger: LoupeLogging.logger())
        guard FileManager.default.isReadableFile(atPath: witness) else {
            // A demo database is nobody's record: no witness is worth a word, not a failure.
            return HealthCheck(name: "audit anchors", finding: "no witness at \(witness)",
                               fix: "anchor the chain as root: loupe audit anchor --db \(path) (loupe serve does it)",
                               isWarning: try database.isDemo())
        }
        let check = try database.checkAnchors(try AnchorAudit.anchors(in: [witness]), database: AnchorAudit.identity(path))
        let problems = check.problems + (check.missingTriggers.isEmpty ? [] : ["append-only triggers dropped"])
        guard problems.isEmpty else {
            return HealthCheck(name: "audit anchors", finding: problems.joined(separator: "; "),
                               fix: "treat the file as tampered with: keep it, restore a backup, report it")
        }
        if let since = check.unanchoredSince, check.unanchored > 0, now.timeIntervalSince(since) > 86_400 {
            return HealthCheck(
                name: "audit anchors",
                finding: "\(check.checked) anchors match, but \(check.unanchored) entries since "
                    + "\(CivilTime.iso8601(since)) are not anchored (more than a day: their deletion would go unseen)",
                fix: "anchor now: loupe audit anchor --db \(path); keep loupe serve running (it anchors every "
                    + "100 entries or 5 minutes)", isWarning: true)
        }
        let demo = try database.isDemo()
        return HealthCheck(name: "audit anchors", finding: "\(check.checked) anchor\(check.checked == 1 ? "" : "s") in \(witness) match",
                           fix: check.checked == 0 ? "anchor the chain: loupe audit anchor --db \(path)" : nil,
                           isWarning: check.checked == 0 && demo)
    }
}

/// The file-mode half of `loupe doctor`.
enum FileModeCheck {
    /// The files that share the database's group and mode (those that exist).
    static func sharedFiles(_ path: String) -> [String] {
        let files = DatabaseFiles(path)
        return (files.sharedFiles + files.keyFiles).filter { FileManager.default.fileExists(atPath: $0) }
    }

    static func checks(databasePath path: String) -> [HealthCheck] {
        var checks: [HealthCheck] = []
        guard let main = status(path) else {
            return [HealthCheck(name: "database file", finding: "\(path) is missing",
                                fix: "create it with `loupe init` or `loupe demo`, or give the right --db")]
        }
        for file in sharedFiles(path) {
            guard let info = status(file) else { continue }
            let mode = info.st_mode & 0o777
            var fixes: [String] = []
            if mode & 0o007 != 0 { fixes.append("chmod o-rwx \(file)") }
            let groupNeeds: mode_t = DatabaseFiles(path).keyFiles.contains(file) ? 0o040 : 0o060
            if mode & groupNeeds != groupNeeds { fixes.append("chmod g+\(groupNeeds == 0o040 ? "r" : "rw") \(file)") }
            if info.st_gid != main.st_gid { fixes.append("chgrp \(groupName(main.st_gid)) \(file)") }
            checks.append(HealthCheck(name: "mode of \(URL(fileURLWithPath: file).lastPathComponent)",
                                      finding: String(format: "%03o, group %@", mode, groupName(info.st_gid)),
                                      fix: fixes.isEmpty ? nil : fixes.joined(separator: "; ")))
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if let info = status(directory) {
            let mode = info.st_mode & 0o7777
            checks.append(HealthCheck(name: "mode of the database's directory", finding: String(format: "%04o", mode),
                                      fix: mode & 0o002 != 0 ? "chmod o-w \(directory)" : nil))
        }
        let exports = DatabaseFiles(path).exports
        if let info = status(exports) {
            // In custody: the group's (any agent's loupe reads an export, an admin's sweep removes it), not others'.
            let mode = info.st_mode & 0o777
            var fixes: [String] = []
            if mode & 0o007 != 0 { fixes.append("chmod -R o-rwx \(exports)") }
            if mode & 0o070 != 0o070 { fixes.append("chmod -R g+rwX \(exports)") }
            checks.append(HealthCheck(name: "mode of exports/", finding: String(format: "%03o", mode),
                                      fix: fixes.isEmpty ? nil : fixes.joined(separator: "; ")))
        }
        return checks
    }

    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func groupName(_ gid: gid_t) -> String {
        guard let group = getgrgid(gid), let name = group.pointee.gr_name else { return String(gid) }
        return String(cString: name)
    }
}
