/// What the gate needs to know about the item a use case touches: who holds the request, who proposed or recorded
/// it, and which outside controller sent it and which one asks now.
public struct AccessFacts: Equatable, Sendable {
    /// The staff member holding the request, if any.
    public var holder: String?
    /// Who proposed the erasure or recorded the item (four eyes: they may not decide it).
    public var proposer: String?
    /// The OpenDSR controller that sent the request (nil: it came another way).
    public var owningController: String?
    /// The OpenDSR controller asking now (nil: not asked over OpenDSR).
    public var askingController: String?

    /// Makes facts; every one is optional.
    public init(
        holder: String? = nil, proposer: String? = nil, owningController: String? = nil,
        askingController: String? = nil
    ) {
        self.holder = holder
        self.proposer = proposer
        self.owningController = owningController
        self.askingController = askingController
    }

    /// No facts: for use cases that touch no particular item.
    public static let none = AccessFacts()
}

/// Who asks, as the store knows them inside the transaction: the member as the session claims them, and the staff
/// record on file now (nil: not staff).
public struct AccessActor: Equatable, Sendable {
    /// The member the session (console, CLI, `serve`) was started as.
    public var claimed: StaffMember
    /// The staff record read in the use case's transaction.
    public var onFile: StaffMember?

    /// Makes an actor from the claim and the record on file.
    public init(claimed: StaffMember, onFile: StaffMember?) {
        self.claimed = claimed
        self.onFile = onFile
    }
}

/// Why the gate refused: one line that says what is not allowed and what to do instead.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message shown to the person refused.
    public var message: String

    /// Makes a refusal.
    public init(_ message: String) { self.message = message }

    /// The refusal as the error every door reports (`.notAllowed`).
    public var error: LoupeError { LoupeError(.notAllowed, message) }

    public var description: String { message }
}

/// The one rule of who may do what: every use case of the store asks it first, inside its transaction, so the
/// console, the CLI, `serve` and the mail import get the same answer.
public enum AccessGate {
    /// What a controller is told of a request that is not theirs: what it is told of one that does not exist.
    public static let unknownRequest = "No such request."

    /// Nil when `actor` may take `useCase` on the item the `facts` describe, else why not.
    public static func may(_ actor: AccessActor, _ useCase: UseCase, _ facts: AccessFacts = .none) -> Refusal? {
        switch current(actor) {
        case .failure(let refusal): refusal
        case .success(let member): may(member, useCase, facts)
        }
    }

    /// The member on file when they are still the active staff member the session was started as, else why not
    /// (unknown, deactivated, or a role changed since).
    public static func current(_ actor: AccessActor) -> Result<StaffMember, Refusal> {
        guard let member = actor.onFile else {
            return .failure(
                Refusal(
                    "'\(actor.claimed.userName)' is not Loupe staff. An admin can add them: "
                        + "loupe staff add \(actor.claimed.userName) --role agent"))
        }
        guard member.isActive else {
            return .failure(Refusal("'\(member.userName)' is no longer active staff."))
        }
        guard member.role == actor.claimed.role else {
            return .failure(
                Refusal(
                    "Your role changed to \(member.role.rawValue) since this session began: start loupe again."))
        }
        return .success(member)
    }

    /// The rule for an active member whose record is current.
    static func may(_ member: StaffMember, _ useCase: UseCase, _ facts: AccessFacts) -> Refusal? {
        let role = member.role
        let isService = role == .service
        let isSupervisor = role == .supervisor || role == .admin
        switch useCase.audience {
        case .anyone:
            return nil
        case .staff:
            return isService ? serviceRefusal(useCase) : nil
        case .holderOrSupervisorOrService:
            if isService { return nil }
            return may(member, .verifyIdentity, facts)
        case .holderOrSupervisor:
            if isService { return serviceRefusal(useCase) }
            guard role == .agent, facts.holder != member.userName else { return nil }
            if let holder = facts.holder {
                return Refusal("\(holder) holds this request; agents act only on requests they hold.")
            }
            return Refusal("Claim the request first (a): agents act only on requests they hold.")
        case .supervisors:
            return isSupervisor ? nil : Refusal(onlySupervisors(useCase, member))
        case .otherSupervisor:
            guard isSupervisor else { return Refusal(onlySupervisors(useCase, member)) }
            if facts.proposer == member.userName {
                return Refusal(
                    useCase == .approveErasure
                        ? "You proposed this erasure: another supervisor must approve it (four eyes)."
                        : "You recorded it: another supervisor or admin must decide it (four eyes).")
            }
            return nil
        case .admins:
            return role == .admin
                ? nil : Refusal("Only admins \(useCase.phrase); \(member.userName) is \(role.rawValue).")
        case .serviceOrAdmins:
            return isService || role == .admin
                ? nil
                : Refusal(
                    "Only the service (loupe serve) and admins \(useCase.phrase); "
                        + "\(member.userName) is \(role.rawValue).")
        case .owningControllerOrAdmins:
            if role == .admin && facts.askingController == nil { return nil }
            guard isService || role == .admin else {
                return Refusal(
                    "Only the service (loupe serve) and admins \(useCase.phrase); "
                        + "\(member.userName) is \(role.rawValue).")
            }
            guard let asking = facts.askingController, asking == facts.owningController else {
                // The same answer as an unknown request: nothing tells a controller that another's exists.
                return Refusal(unknownRequest)
            }
            return nil
        }
    }

    /// Throws the refusal, if any (the store's form of `may`).
    public static func require(_ actor: AccessActor, _ useCase: UseCase, _ facts: AccessFacts = .none) throws {
        if let refusal = may(actor, useCase, facts) { throw refusal.error }
    }

    /// Throws when an active, current `member` may not take `useCase` (the domain's own rules use it).
    public static func require(_ member: StaffMember, _ useCase: UseCase, _ facts: AccessFacts = .none) throws {
        guard member.isActive else { throw Refusal("\(member.userName) is deactivated and cannot act.").error }
        if let refusal = may(member, useCase, facts) { throw refusal.error }
    }

    private static func onlySupervisors(_ useCase: UseCase, _ member: StaffMember) -> String {
        "Only supervisors and admins \(useCase.phrase)."
    }

    private static func serviceRefusal(_ useCase: UseCase) -> Refusal {
        Refusal("The service account cannot \(useCase.phrase): only staff do.")
    }
}
