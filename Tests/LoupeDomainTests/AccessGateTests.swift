import LoupeDomain
import Testing

/// The one gate, case by case: every `UseCase` against every kind of actor, compared with a table written here.
/// A use case added without a row fails `everyUseCaseHasARow`; a rule changed by mistake fails the walk.
@Suite struct AccessGateTests {
    static let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    static let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
    static let max = StaffMember(userName: "max", displayName: "Max", role: .admin)
    static let service = StaffMember(userName: "loupe-serve", displayName: "loupe serve", role: .service)

    /// Each kind of actor: who the session claims to be, the record on file, and the facts it meets (`ben`
    /// holds the request and proposed or recorded it, unless the actor is its holder; the controller `acme`
    /// sent it).
    static let actors: [String: (AccessActor, AccessFacts)] = [
        "agent": (AccessActor(claimed: ava, onFile: ava), facts(holder: "ben")),
        "holder agent": (AccessActor(claimed: ava, onFile: ava), facts(holder: "ava")),
        "supervisor": (AccessActor(claimed: sam, onFile: sam), facts(holder: "ben")),
        "admin": (AccessActor(claimed: max, onFile: max), facts(holder: "ben")),
        "deactivated": (
            AccessActor(
                claimed: ava,
                onFile: StaffMember(
                    userName: "ava", displayName: "Ava", role: .agent, isActive: false)), facts(holder: "ava")
        ),
        "unknown": (AccessActor(claimed: max, onFile: nil), facts(holder: "ben")),
        "stale session": (AccessActor(claimed: max, onFile: ava), facts(holder: "ava")),
        "the service": (AccessActor(claimed: service, onFile: service), facts(holder: "ben")),
        "the owning controller": (AccessActor(claimed: service, onFile: service), facts(holder: "ben", asking: "acme")),
        "another controller": (AccessActor(claimed: service, onFile: service), facts(holder: "ben", asking: "evil")),
    ]

    static func facts(holder: String, asking: String? = nil) -> AccessFacts {
        AccessFacts(holder: holder, proposer: "ben", owningController: "acme", askingController: asking)
    }

    static let staff: Set<String> = ["agent", "holder agent", "supervisor", "admin"]
    static let holders: Set<String> = ["holder agent", "supervisor", "admin"]
    static let supervisors: Set<String> = ["supervisor", "admin"]
    static let admins: Set<String> = ["admin"]
    static let serviceActors: Set<String> = ["the service", "the owning controller", "another controller"]
    static let serviceOrAdmins: Set<String> = admins.union(serviceActors)

    /// Who may take each use case: written out, one row each.
    static let table: [UseCase: Set<String>] = [
        .readRequests: staff, .createRequest: staff, .claimRequest: staff, .releaseRequest: holders,
        .reassignRequest: supervisors, .verifyIdentity: holders, .sendVerificationCode: holders,
        .confirmVerificationCode: holders.union(serviceActors), .startRequest: holders, .extendDeadline: holders,
        .proposeErasure: holders, .approveErasure: supervisors, .rejectRequest: holders,
        .rejectErasure: supervisors, .cancelRequest: holders, .completeRequest: holders, .exportAccess: holders,
        .rectify: holders, .withdrawConsent: holders, .flagMinor: staff, .closeNotice: holders,
        .confirmNotices: holders, .addNote: staff, .markNoteInternal: admins, .confirmKind: holders, .changeLanguage: holders,
        .revealPersonalData: staff,
        .listOutbox: staff, .readMessageBody: holders, .queueReply: holders, .editMessage: holders,
        .markMessageSentByHand: holders, .resolveInDoubt: holders, .withdrawStaleMessages: staff,
        .sendOutbox: serviceOrAdmins,
        .readExport: staff, .copyExport: holders,
        .importMail: serviceOrAdmins, .receiveWebhook: serviceOrAdmins, .receiveOpenDSR: serviceOrAdmins,
        .readOpenDSRStatus: ["admin", "the owning controller"], .cancelOpenDSR: ["admin", "the owning controller"],
        .importShopData: admins,
        .courierLabel: staff, .readRegisters: staff, .readMailTray: staff, .fileMailAsRequest: staff, .dismissMail: staff, .recordAuthorityRequest: staff,
        .decideAuthorityRequest: supervisors, .recordBreach: staff, .decideBreach: supervisors, .setCookies: staff,
        .exportAnalytics: staff, .addProcessor: admins,
        .manageStaff: admins, .changeSettings: admins, .setRetention: admins, .sweepRetention: serviceOrAdmins,
        .previewRetention: staff, .publishPolicy: admins, .editTemplates: admins, .rotateVaultKey: admins,
        .manageControllers: admins,
        .runJobs: serviceOrAdmins, .deliverCallbacks: serviceOrAdmins, .anchorAudit: serviceOrAdmins,
        .readAudit: staff.union(serviceActors), .serveExportLink: serviceOrAdmins,
    ]

    @Test func everyUseCaseHasARow() {
        let missing = UseCase.allCases.filter { Self.table[$0] == nil }
        #expect(missing.isEmpty, "use cases without a row in the gate's table: \(missing)")
    }

    @Test func everyUseCaseAsEveryActorGetsTheTablesAnswer() {
        var wrong: [String] = []
        for useCase in UseCase.allCases {
            let allowed = Self.table[useCase] ?? []
            for (name, (actor, facts)) in Self.actors.sorted(by: { $0.key < $1.key }) {
                let refusal = AccessGate.may(actor, useCase, facts)
                if allowed.contains(name), let refusal {
                    wrong.append("\(useCase) as \(name): refused (\(refusal.message))")
                } else if !allowed.contains(name), refusal == nil {
                    wrong.append("\(useCase) as \(name): allowed, should be refused")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func fourEyesRefusesTheProposerAndRecorder() {
        let bySam = AccessFacts(proposer: "sam")
        let actor = AccessActor(claimed: Self.sam, onFile: Self.sam)
        #expect(AccessGate.may(actor, .approveErasure, bySam)?.message.contains("four eyes") == true)
        #expect(AccessGate.may(actor, .decideAuthorityRequest, bySam)?.message.contains("four eyes") == true)
        #expect(AccessGate.may(actor, .approveErasure, AccessFacts(proposer: "ava")) == nil)
    }

    @Test func anotherControllersRequestIsAnsweredAsAnUnknownOne() {
        let service = AccessActor(claimed: Self.service, onFile: Self.service)
        let theirs = AccessFacts(owningController: "acme", askingController: "evil")
        let unknown = AccessFacts(owningController: nil, askingController: "evil")
        #expect(AccessGate.may(service, .cancelOpenDSR, theirs) == AccessGate.may(service, .cancelOpenDSR, unknown))
        #expect(
            AccessGate.may(service, .cancelOpenDSR, AccessFacts(owningController: "acme", askingController: "acme"))
                == nil)
    }

    @Test func refusalsSayWhoMayAndWhatToDo() {
        let agent = AccessActor(claimed: Self.ava, onFile: Self.ava)
        #expect(
            AccessGate.may(agent, .sendOutbox)?.message
                == "Only the service (loupe serve) and admins send the outbox; ava is agent.")
        #expect(
            AccessGate.may(agent, .readMessageBody, AccessFacts(holder: nil))?.message
                == "Claim the request first (a): agents act only on requests they hold.")
        #expect(
            AccessGate.may(AccessActor(claimed: Self.max, onFile: Self.ava), .manageStaff)?.message
                == "Your role changed to agent since this session began: start loupe again.")
    }
}
