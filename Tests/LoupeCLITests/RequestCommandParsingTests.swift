import ArgumentParser
import LoupeDomain
@testable import LoupeCLI
import Testing

@Suite struct RequestCommandParsingTests {
    @Test func claimNextTakesTheSharedOptionsAfterItsOwn() throws {
        let command = try #require(try LoupeCommand.parseAsRoot(
            ["requests", "claim", "--next", "--json", "--db", "x.sqlite", "--as", "ava"]) as? ClaimRequest)
        #expect(command.next)
        #expect(command.id == nil)
        #expect(command.options.json)
        #expect(command.options.database.path == "x.sqlite")
        #expect(command.options.database.actingAs == "ava")
    }

    @Test func everyLifecycleActionIsASubcommand() throws {
        let names = RequestsCommand.configuration.subcommands.map { $0.configuration.commandName }
        #expect(names == ["list", "show", "new", "claim", "release", "reassign", "verify", "start", "note", "note-internal", "confirm-kind", "language", "reply", "extend",
                          "propose-erasure", "approve", "reject", "cancel", "complete", "preview-erasure", "rectify",
                          "withdraw-consent", "opendsr-status"])
    }

    @Test func actionsCarryTheirAnswers() throws {
        let verify = try #require(try LoupeCommand.parseAsRoot(
            ["requests", "verify", "PR-2026-000001", "--method", "document", "--note", "Passport"]) as? VerifyRequest)
        #expect(verify.method == .document)
        let extend = try #require(try LoupeCommand.parseAsRoot(
            ["requests", "extend", "PR-2026-000001", "--months", "2", "--reason", "Busy", "--if-version", "3"]) as? ExtendRequest)
        #expect(extend.months == 2)
        #expect(extend.options.expectedVersion == 3)
        let list = try #require(try LoupeCommand.parseAsRoot(
            ["requests", "list", "--status", "awaiting-approval", "--kind", "erasure", "--assignee", "me", "--overdue"]) as? ListRequests)
        #expect(list.status == .awaitingApproval)
        #expect(list.kind == .erasure)
        #expect(list.overdue)
        _ = try #require(try LoupeCommand.parseAsRoot(["requests", "reject", "PR-1", "--reason", "No"]) as? ReasonAction<RejectAction>)
        _ = try #require(try LoupeCommand.parseAsRoot(["requests", "approve", "PR-1"]) as? SimpleAction<ApproveAction>)
    }

    @Test(arguments: [
        (["requests", "claim"], "Give a request id or --next"),
        (["requests", "claim", "PR-1", "--next"], "Give a request id or --next"),
        (["requests", "extend", "PR-1", "--months", "3", "--reason", "x"], "--months must be 1 or 2"),
        (["requests", "verify", "PR-1", "--method", "passport"], "passport"),
        (["requests", "reject", "PR-1"], "--reason"),
        (["requests", "new", "--kind", "deletion", "--email", "a@example.com"], "deletion"),
        (["staff", "add", "bob", "--role", "boss"], "boss"),
        (["requests", "list", "--limit", "0"], "--limit must be at least 1"),
    ])
    func badArgumentsAreNamed(arguments: [String], fragment: String) {
        do {
            _ = try LoupeCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            #expect(LoupeCommand.message(for: error).contains(fragment), "\(LoupeCommand.message(for: error))")
        }
    }

    @Test func staffAndAuditCommandsParse() throws {
        let add = try #require(try LoupeCommand.parseAsRoot(["staff", "add", "zoe", "--role", "supervisor", "--name", "Zoë"]) as? AddStaff)
        #expect(add.role == .supervisor)
        _ = try #require(try LoupeCommand.parseAsRoot(["staff", "deactivate", "zoe", "--db", "x"]) as? DeactivateStaff)
        _ = try #require(try LoupeCommand.parseAsRoot(["audit", "verify", "--db", "x"]) as? VerifyAudit)
        let list = try #require(try LoupeCommand.parseAsRoot(["audit", "list", "--json", "--target", "PR-1"]) as? ListAudit)
        #expect(list.target == "PR-1")
    }
}
