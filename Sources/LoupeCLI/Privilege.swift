import CLoupeProcess
import Foundation
import LoupeDomain
import LoupeStore

/// The installed binary's group privilege (setgid to the `loupe` group, as `crontab` and `locate` are): the only
/// way into the data directory. It is used for the configured database and its files only; everything the user
/// names is opened with the user's own ids, and programs the user chooses ($EDITOR, sendmail) run without it.
enum Privilege {
    /// The group the process started with as its effective group (the install's group when setgid).
    private static let startGroup = getegid()

    /// Whether this process runs with more rights than its user (the installed setgid binary).
    static var isElevated: Bool { getgid() != startGroup || getuid() != geteuid() }

    /// At start, before anything else: no core dumps or ptrace by the user, and the environment variables that
    /// would steer SQLite's files elsewhere are dropped (the C library drops LD_* and TMPDIR itself).
    static func hardenAtStart() {
        guard isElevated else { return }
        _ = loupe_disable_core_dumps()
        for name in ProcessInfo.processInfo.environment.keys where name.hasPrefix("SQLITE_") || name == "TMPDIR" {
            unsetenv(name)
        }
    }

    /// Runs `body` with the user's own group as the effective one (files and programs the user names), then takes
    /// the group privilege back. Not reentrant across threads: Loupe's commands run one step at a time.
    static func asUser<T>(_ body: () throws -> T) throws -> T {
        let elevated = getegid()
        guard elevated != getgid() else { return try body() }
        guard setegid(getgid()) == 0 else {
            throw LoupeError(.storage, "Could not give up the loupe group to open your file (\(String(cString: strerror(errno)))).")
        }
        defer { _ = setegid(elevated) }
        return try body()
    }

    /// The store's access to files the user names: with the user's own rights.
    static let userFiles = UserFileAccess { body in try asUser(body) }

    /// Gives up the group privilege for the rest of the process (real, effective and saved ids): for a database
    /// the user names, which must be opened with their own rights.
    static func dropForGood() {
        guard getegid() != getgid() || startGroup != getgid() else { return }
        if loupe_drop_group_for_good() != 0 {
            printErr("loupe: could not give up the loupe group; stopping.")
            exit(3)
        }
    }
}
