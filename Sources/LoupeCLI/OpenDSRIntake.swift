import ArgumentParser
import Crypto
import Foundation
import LoupeDomain
import LoupeIntake
import LoupeStore

struct OpenDSRIntake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opendsr",
        abstract: "An OpenDSR 2.0 (or 1.0 / OpenGDPR) access, portability or erasure request; prints the 201 body.",
        discussion: """
            Identities are matched to customers by email, by customer id (controller_customer_id, e.g. C-000042), \
            or by the sha256, sha1 or md5 digest of the emails on file. The response is signed (ECDSA P-256 over \
            the body's SHA-256) with the key in <database>.opendsr-key, made by `loupe init` (or, for a database \
            made before, when the first OpenDSR request is answered).
            """)

    @Argument(help: ArgumentHelp("The request body (JSON).", valueName: "file")) var file: String
    @Flag(name: .customLong("dry-run"), help: "Validate and report; write nothing.") var dryRun = false
    @Flag(help: "Print the outcome as JSON instead of the 201 body.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            let raw = try IntakeCommand.read(file, what: "request")
            let request = try OpenDSRRequest.parse(raw, source: file)
            let receipt = try context.database.receive(request, raw: raw, dryRun: dryRun, actor: context.actor,
                                                       at: context.now)
            if json || dryRun {
                return try IntakeReport.print(receipt.outcome, reference: request.subjectRequestId, kind: request.type.kind,
                                              source: "OpenDSR (\(request.type.rawValue))", extra: "", json: json)
            }
            if case .duplicate(let existing) = receipt.outcome {
                printErr("loupe: duplicate: \(request.subjectRequestId) is already \(existing); nothing new recorded.")
            }
            if let response = receipt.response { print(String(decoding: response, as: UTF8.self)) }
        }
    }
}

/// `loupe requests opendsr-status ID`: the OpenDSR status body of a request that came in through OpenDSR.
struct OpenDSRStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opendsr-status", abstract: "The OpenDSR status body (pending, in_progress, completed, cancelled).")

    @Argument(help: "The subject_request_id, or the Loupe request id.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CommandContext.run(database) { context in
            print(String(decoding: try context.database.openDSRStatus(id, actor: context.actor), as: UTF8.self))
        }
    }
}
