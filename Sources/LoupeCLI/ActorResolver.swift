import Foundation
import LoupeDomain
import LoupeStore

/// Decides who is acting: the OS user running `loupe`, or a demo staff member named by `--as` on a demo database.
enum ActorResolver {
    /// The name of the OS user running this process: the real uid's passwd entry, never `$USER` (anyone can set
    /// that). When the entry cannot be read, Loupe refuses rather than guess.
    static func osUserName() throws -> String {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else {
            throw LoupeError(.notAllowed, "Could not read your account (uid \(getuid())) from the system's user database, so Loupe cannot tell who you are; ask the host's admin to check it (getent passwd \(getuid())).")
        }
        return String(cString: name)
    }

    /// Whether this process runs with more rights than its user (the installed setgid binary).
    static var isPrivileged: Bool { Privilege.isElevated }

    /// The staff member acting, or an error naming the admin command that would let them in.
    static func resolve(in database: AppDatabase, actingAs: String?) throws -> StaffMember {
        let userName: String
        if let actingAs {
            guard !isPrivileged else {
                throw LoupeError(.notAllowed, "--as is refused by the installed loupe: you act as yourself (\(try osUserName())).")
            }
            guard try database.isDemo() else {
                throw LoupeError(.notAllowed,
                    "--as works only on a demo database; on this one you act as yourself (\(try osUserName())).")
            }
            userName = actingAs
        } else {
            userName = try osUserName()
        }
        guard let member = try database.staffMember(userName: userName) else {
            throw LoupeError(.notAllowed,
                "'\(userName)' is not Loupe staff. An admin can add them: loupe staff add \(userName) --role agent")
        }
        guard member.isActive else {
            throw LoupeError(.notAllowed,
                "'\(userName)' is deactivated. An admin can add them again: loupe staff add \(userName) --role \(member.role.rawValue)")
        }
        return member
    }

    /// For root acting for an admin (`sudo loupe vault rotate`): the staff member sudo names in `SUDO_USER` (root
    /// can set any variable, but root can do anything on the host anyway), who must be an active admin.
    static func resolveSudoAdmin(in database: AppDatabase,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StaffMember {
        guard let name = environment["SUDO_USER"], !name.isEmpty else {
            throw LoupeError(.notAllowed, "As root, run it through sudo as a Loupe admin (sudo loupe ...), so the audit trail names a person.")
        }
        guard let member = try database.staffMember(userName: name), member.isActive, member.role == .admin else {
            throw LoupeError(.notAllowed, "'\(name)' (from sudo) is not an active Loupe admin.")
        }
        return member
    }
}
