import Foundation
import LoupeDomain
import Testing

@Suite struct RequestRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_608_000)  // 2026-11-25 12:00 UTC
    let policy = DeadlinePolicy()
    let ava = StaffMember(userName: "ava", displayName: "Ava", role: .agent)
    let ben = StaffMember(userName: "ben", displayName: "Ben", role: .agent)
    let sam = StaffMember(userName: "sam", displayName: "Sam", role: .supervisor)
    let max = StaffMember(userName: "max", displayName: "Max", role: .admin)

    func facts(_ kind: RequestKind, _ status: RequestStatus, assignee: String? = "ava", proposedBy: String? = nil,
               verified: Bool = true) -> RequestFacts {
        RequestFacts(kind: kind, status: status, assignee: assignee,
                     proposedBy: proposedBy ?? (status == .awaitingApproval || status == .approved ? "ava" : nil),
                     isIdentityVerified: verified, receivedAt: now.addingTimeInterval(-5 * 86_400),
                     originalDueAt: now.addingTimeInterval(25 * 86_400))
    }

    /// The outcome as a short word: the new status, or "refused: <start of the reason>".
    func outcome(_ command: RequestCommand, _ facts: RequestFacts, by actor: StaffMember) -> String {
        do {
            return try RequestRules.decide(command, on: facts, by: actor, now: now, policy: policy).status.rawValue
        } catch let error as LoupeError {
            return "refused"  + (error.message.isEmpty ? " without a reason" : "")
        } catch {
            return "crashed"
        }
    }

    /// Every (status, command) pair for an erasure request held by its agent, identity verified.
    /// Rows: received, verifying, in-progress, awaiting-approval, approved, completed, rejected, cancelled.
    /// Columns: claim release reassign verify start note extend propose approve reject cancel complete.
    @Test func everyStatusAndCommandOfAnErasureHeldByItsAgent() {
        let expected: [RequestStatus: [String]] = [
            .received: ["refused", "received", "refused", "refused", "in-progress", "received", "received", "refused", "refused", "refused", "cancelled", "refused"],
            .verifying: ["refused", "verifying", "refused", "refused", "in-progress", "verifying", "verifying", "refused", "refused", "refused", "cancelled", "refused"],
            .inProgress: ["refused", "in-progress", "refused", "refused", "refused", "in-progress", "in-progress", "awaiting-approval", "refused", "refused", "cancelled", "refused"],
            .awaitingApproval: ["refused", "awaiting-approval", "refused", "refused", "refused", "awaiting-approval", "awaiting-approval", "refused", "refused", "refused", "cancelled", "refused"],
            .approved: ["refused", "approved", "refused", "refused", "refused", "approved", "approved", "refused", "refused", "refused", "cancelled", "completed"],
            .completed: ["refused", "refused", "refused", "refused", "refused", "completed", "refused", "refused", "refused", "refused", "refused", "refused"],
            .rejected: ["refused", "refused", "refused", "refused", "refused", "rejected", "refused", "refused", "refused", "refused", "refused", "refused"],
            .cancelled: ["refused", "refused", "refused", "refused", "refused", "cancelled", "refused", "refused", "refused", "refused", "refused", "refused"],
        ]
        for status in RequestStatus.allCases {
            let row = RequestCommand.samples.map { outcome($0, facts(.erasure, status), by: ava) }
            #expect(row == expected[status]!, "erasure, \(status.rawValue)")
        }
    }

    /// The same for an access request, identity not yet verified, held by its agent.
    @Test func everyStatusAndCommandOfAnUnverifiedAccessRequest() {
        let expected: [RequestStatus: [String]] = [
            .received: ["refused", "received", "refused", "verifying", "refused", "received", "received", "refused", "refused", "rejected", "cancelled", "refused"],
            .verifying: ["refused", "verifying", "refused", "verifying", "refused", "verifying", "verifying", "refused", "refused", "rejected", "cancelled", "refused"],
            .inProgress: ["refused", "in-progress", "refused", "refused", "refused", "in-progress", "in-progress", "refused", "refused", "rejected", "cancelled", "refused"],
        ]
        for (status, row) in expected {
            #expect(RequestCommand.samples.map { outcome($0, facts(.access, status, verified: false), by: ava) } == row,
                    "access, \(status.rawValue)")
        }
    }

    @Test func everyRefusalSaysWhy() throws {
        for status in RequestStatus.allCases {
            for kind in RequestKind.allCases {
                for actor in [ava, ben, sam, max] {
                    for command in RequestCommand.samples {
                        do {
                            _ = try RequestRules.decide(command, on: facts(kind, status), by: actor, now: now, policy: policy)
                        } catch let error as LoupeError {
                            #expect(error.message.count > 20 && error.message.hasSuffix("."), "\(error.message)")
                        }
                    }
                }
            }
        }
    }

    @Test func theProposerCanNeverApproveTheirOwnErasureWhateverTheirRole() {
        let proposedBySam = facts(.erasure, .awaitingApproval, assignee: "sam", proposedBy: "sam")
        #expect(RequestRules.refusal(.approve, on: proposedBySam, by: sam, now: now, policy: policy)?.contains("four eyes") == true)
        #expect(RequestRules.refusal(.approve, on: proposedBySam, by: max, now: now, policy: policy) == nil)
        let proposedByMax = facts(.erasure, .awaitingApproval, assignee: "max", proposedBy: "max")
        #expect(RequestRules.refusal(.approve, on: proposedByMax, by: max, now: now, policy: policy) != nil)
    }

    /// role x command on an erasure awaiting approval and on an access request held by someone else.
    @Test func theRoleMatrix() {
        let awaiting = facts(.erasure, .awaitingApproval, assignee: "ava", proposedBy: "ava")
        #expect(outcome(.approve, awaiting, by: ava) == "refused")
        #expect(outcome(.approve, awaiting, by: ben) == "refused")
        #expect(outcome(.approve, awaiting, by: sam) == "approved")
        #expect(outcome(.approve, awaiting, by: max) == "approved")
        #expect(outcome(.reject(reason: "Legal hold"), awaiting, by: ben) == "refused")
        #expect(outcome(.reject(reason: "Legal hold"), awaiting, by: sam) == "rejected")
        let heldByBen = facts(.access, .verifying, assignee: "ben", verified: true)
        for command in [RequestCommand.start, .release, .cancel(reason: "x y z"), .extend(months: 1, reason: "Busy")] {
            #expect(outcome(command, heldByBen, by: ava) == "refused", "\(command) by another agent")
            #expect(outcome(command, heldByBen, by: sam) != "refused", "\(command) by a supervisor")
        }
        #expect(outcome(.reassign(to: "ava"), heldByBen, by: ava) == "refused")
        #expect(outcome(.reassign(to: "ava"), heldByBen, by: sam) == "verifying")
        #expect(outcome(.claim, heldByBen, by: ava) == "refused")
        let inactive = StaffMember(userName: "old", displayName: "Old", role: .admin, isActive: false)
        #expect(outcome(.note("hello there"), heldByBen, by: inactive) == "refused")
    }

    @Test func claimingNamesTheHolder() throws {
        #expect(RequestRules.refusal(.claim, on: facts(.access, .verifying, assignee: "ben"), by: ava, now: now, policy: policy)
                == "ben holds this request: ask them to release it, or a supervisor to reassign it.")
        let change = try RequestRules.decide(.claim, on: facts(.access, .received, assignee: nil), by: ava, now: now, policy: policy)
        #expect(change.assignee == "ava")
        #expect(change.status == .verifying)
    }

    @Test func consentWithdrawalStartsWithoutIdentity() {
        #expect(outcome(.start, facts(.consentWithdrawal, .received, verified: false), by: ava) == "in-progress")
        #expect(outcome(.start, facts(.erasure, .received, verified: false), by: ava) == "refused")
    }

    @Test func anExtensionIsOnceOnlyBeforeTheFirstMonthEndsWithAReason() throws {
        let open = facts(.access, .inProgress)
        let change = try RequestRules.decide(.extend(months: 2, reason: "Many carriers"), on: open, by: ava, now: now, policy: policy)
        #expect(change.extension_?.until == policy.addingMonths(2, to: open.originalDueAt))
        #expect(change.extension_?.noticeAt == now)
        var extended = open
        extended.extendedUntil = change.extension_?.until
        #expect(outcome(.extend(months: 1, reason: "Again"), extended, by: ava) == "refused")
        var late = open
        late.originalDueAt = now.addingTimeInterval(-60)
        #expect(RequestRules.refusal(.extend, on: late, by: ava, now: now, policy: policy)?
            .contains("first month ended") == true)
        #expect(throws: LoupeError.self) {
            try RequestRules.decide(.extend(months: 3, reason: "Long"), on: open, by: ava, now: now, policy: policy)
        }
        #expect(throws: LoupeError.self) {
            try RequestRules.decide(.extend(months: 1, reason: "  "), on: open, by: ava, now: now, policy: policy)
        }
    }

    @Test(arguments: ["", "   ", "bad\u{1B}[2Jreason", "rtl\u{202E}trick", String(repeating: "x", count: 2_001)])
    func malformedReasonsAreRefused(reason: String) {
        #expect {
            try RequestRules.decide(.reject(reason: reason), on: facts(.access, .inProgress), by: ava, now: now, policy: policy)
        } throws: { error in
            (error as? LoupeError)?.code == .invalidInput
        }
    }

    @Test func notesMaySpanLinesButNotHoldControls() throws {
        let change = try RequestRules.decide(.note("line one\nline two"), on: facts(.access, .completed), by: ben, now: now, policy: policy)
        #expect(change.note == "line one\nline two")
        #expect(throws: LoupeError.self) {
            try RequestRules.decide(.note("bell\u{07}"), on: facts(.access, .completed), by: ben, now: now, policy: policy)
        }
    }

    @Test func staffRules() throws {
        #expect(throws: LoupeError.self) { try AccessGate.require(sam, .manageStaff) }
        try AccessGate.require(max, .manageStaff)
        #expect(try StaffRules.validatedUserName("ava.b-2") == "ava.b-2")
        for bad in ["", "Ava", "1ava", "ava b", "ava\u{1B}", String(repeating: "a", count: 33)] {
            #expect(throws: LoupeError.self) { try StaffRules.validatedUserName(bad) }
        }
        #expect(throws: LoupeError.self) { try StaffRules.checkDeactivation(of: max, activeAdmins: 1) }
        try StaffRules.checkDeactivation(of: max, activeAdmins: 2)
    }
}

extension RequestRulesTests {
    /// The keys ask `refusal(kind)` without arguments; the store runs `decide(command)`. For every command, role,
    /// kind, status, holder and verification, they agree: an allowed kind with valid arguments is carried out,
    /// and a refused kind is refused by `decide` with the same reason (issue 17: one rule, no placeholders).
    @Test func theKindsRefusalIsTheCommandsRefusal() {
        for command in RequestCommand.samples {
            for actor in [ava, ben, sam, max] {
                for kind in RequestKind.allCases {
                    for status in RequestStatus.allCases {
                        for assignee in ["ava", "ben", nil] as [String?] {
                            for verified in [true, false] {
                                let subject = facts(kind, status, assignee: assignee, verified: verified)
                                let refusal = RequestRules.refusal(command.kind, on: subject, by: actor, now: now, policy: policy)
                                let decided = Result { try RequestRules.decide(command, on: subject, by: actor, now: now, policy: policy) }
                                switch decided {
                                case .success:
                                    #expect(refusal == nil, "\(command) allowed but its kind refused: \(refusal ?? "")")
                                case .failure(let error):
                                    // Only an argument may refuse what the kind allows: reassigning to its holder.
                                    let message = (error as? LoupeError)?.message
                                    #expect(refusal == message || (refusal == nil && message?.contains("already holds") == true),
                                            "\(command) on \(kind) \(status) by \(actor.userName)")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
