/// What a staff user name looks like, and which role changes keep an admin (who may manage staff is the gate's:
/// `AccessGate`, `UseCase.manageStaff`).
public enum StaffRules {
    /// The user name if it is a plausible OS user name (a-z, 0-9, `_`, `.`, `-`; up to 32 characters).
    public static func validatedUserName(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar)
        }
        guard !name.isEmpty, name.count <= 32, allowed, let first = name.unicodeScalars.first,
              ("a"..."z").contains(first) || first == "_"
        else {
            throw LoupeError(.invalidInput,
                "'\(name)' is not an OS user name: use lower-case letters, digits, '_', '.' or '-', starting with a letter.")
        }
        return name
    }

    /// Refuses deactivating the last active admin (the database would have nobody to manage it).
    /// Refuses a role change that would leave no active admin (nobody could then manage staff or settings).
    public static func checkRoleChange(of member: StaffMember, to role: StaffRole, activeAdmins: Int) throws {
        if member.isActive && member.role == .admin && role != .admin && activeAdmins <= 1 {
            throw LoupeError(.notAllowed,
                "\(member.userName) is the last active admin; make someone else admin first (loupe staff add NAME --role admin).")
        }
    }

    public static func checkDeactivation(of member: StaffMember, activeAdmins: Int) throws {
        guard member.isActive else { throw LoupeError(.invalidInput, "\(member.userName) is already deactivated.") }
        if member.role == .admin && activeAdmins <= 1 {
            throw LoupeError(.notAllowed, "\(member.userName) is the last active admin; add another admin first.")
        }
    }
}
