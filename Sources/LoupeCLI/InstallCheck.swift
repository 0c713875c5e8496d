import Foundation
import LoupeStore

/// The install half of `loupe doctor`, for the installed binary's own database (scripts/install's setgid model):
/// the binary is root's with the setgid bit, the data directory and every file in it are root's and the group's
/// (no person owns one, so no person can change its mode), and no login user is a member of the group.
enum InstallCheck {
    /// The findings for the install described by `config`.
    static func checks(_ config: InstallConfig, binary: String = "/proc/self/exe") -> [HealthCheck] {
        let files = DatabaseFiles(config.database)
        guard let directory = FileModeCheck.status(files.directory) else { return [] }
        let group = directory.st_gid
        let groupName = FileModeCheck.groupName(group)
        var checks = [binaryCheck(binary, group: group, groupName: groupName)]
        let mode = directory.st_mode & 0o7777
        checks.append(HealthCheck(
            name: "data directory", finding: String(format: "%@, owner %@, group %@, %04o", files.directory,
                                                      userName(directory.st_uid), groupName, mode),
            fix: directory.st_uid == 0 && mode == 0o2770 ? nil
                : "chown root:\(groupName) \(files.directory); chmod 2770 \(files.directory)"))
        for file in files.sharedFiles + files.keyFiles + [files.exports, files.mail] {
            guard let info = FileModeCheck.status(file), info.st_uid != 0 else { continue }
            checks.append(HealthCheck(
                name: "owner of \(URL(fileURLWithPath: file).lastPathComponent)",
                finding: "\(userName(info.st_uid)) owns it, and could change it outside Loupe",
                fix: "chown root \(file)"))
        }
        checks.append(membersCheck(group, groupName: groupName))
        return checks
    }

    /// The running binary: root's, the data directory's group, setgid, writable by root only.
    static func binaryCheck(_ binary: String, group: gid_t, groupName: String) -> HealthCheck {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: binary)) ?? binary
        guard let info = FileModeCheck.status(path) else {
            return HealthCheck(name: "binary", finding: "cannot read \(path)", fix: "reinstall: scripts/install")
        }
        let mode = info.st_mode & 0o7777
        let good = info.st_uid == 0 && info.st_gid == group && mode & 0o2000 != 0 && mode & 0o022 == 0
        return HealthCheck(
            name: "binary", finding: String(format: "%@, owner %@, group %@, %04o", path, userName(info.st_uid),
                                            FileModeCheck.groupName(info.st_gid), mode),
            fix: good ? nil : "chown root:\(groupName) \(path); chmod 2755 \(path)")
    }

    /// Login users in the group (by membership or as their primary group), root aside: they could open the
    /// database with sqlite3. A warning: the host's admin may have a reason.
    static func membersCheck(_ group: gid_t, groupName: String) -> HealthCheck {
        var members = Set<String>()
        if let entry = getgrgid(group), var member = entry.pointee.gr_mem {
            while let name = member.pointee {
                members.insert(String(cString: name))
                member += 1
            }
        }
        setpwent()
        while let entry = getpwent() {
            if entry.pointee.pw_gid == group { members.insert(String(cString: entry.pointee.pw_name)) }
        }
        endpwent()
        let people = members.filter { $0 != "root" && isLoginUser($0) }.sorted()
        guard !people.isEmpty else {
            return HealthCheck(name: "members of \(groupName)", finding: "no login user is a member")
        }
        return HealthCheck(
            name: "members of \(groupName)",
            finding: "\(people.joined(separator: ", ")) can open the database without Loupe",
            fix: people.map { "gpasswd -d \($0) \(groupName)" }.joined(separator: "; "), isWarning: true)
    }

    private static func isLoginUser(_ name: String) -> Bool {
        guard let entry = getpwnam(name), let shell = entry.pointee.pw_shell else { return false }
        let path = String(cString: shell)
        return !(path.hasSuffix("/nologin") || path.hasSuffix("/false"))
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return String(uid) }
        return String(cString: name)
    }
}
