import Foundation
import LoupeDomain
import LoupeStore

/// Decides who is acting: the OS user running `loupe`, or a demo staff member named by `--as` on a demo database.
enum ActorResolver {
    /// The name of the OS user running this process.
    static func osUserName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The staff member acting, or an error naming the admin command that would let them in.
    static func resolve(in database: AppDatabase, actingAs: String?) throws -> StaffMember {
        let userName: String
        if let actingAs {
            guard try database.isDemo() else {
                throw LoupeError(.notAllowed,
                    "--as works only on a demo database; on this one you act as yourself (\(osUserName())).")
            }
            userName = actingAs
        } else {
            userName = osUserName()
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
}
