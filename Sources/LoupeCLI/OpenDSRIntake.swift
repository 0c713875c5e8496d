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
            // The key first: a request is never recorded without the signed answer that acknowledges it.
            let key = try OpenDSRResponse.signingKey(path: DatabaseFiles(database.resolvedPath).openDSRKey,
                                                     mayCreate: !(try context.database.hasRequests(on: .opendsr)))
            let raw = try IntakeCommand.read(file, what: "request")
            let request = try OpenDSRRequest.parse(raw, source: file)
            var email: String?
            for identity in request.identities where email == nil {
                email = try context.database.customerEmail(identityType: identity.type, value: identity.value,
                                                           format: identity.format.rawValue)
            }
            // An email given in clear names the subject even when no customer matches ("we hold nothing"); a
            // request whose identities match nobody is still recorded, and answered "no data held".
            email = email ?? request.identities.first { $0.type == "email" && $0.format == .raw }?.value
            let phone = request.identities.first { $0.type == "phone" && $0.format == .raw }?.value
            let details = ["opendsr": request.subjectRequestId, "type": request.type.rawValue,
                           "regulation": request.regulation ?? "unstated", "api": request.apiVersion ?? "unstated",
                           "submitted": CivilTime.iso8601(request.submittedTime)]
            let draft = NewRequest(kind: request.type.kind, email: email, phone: phone, channel: .opendsr,
                                   externalReference: request.subjectRequestId)
            let outcome = try context.database.recordExternalRequest(
                draft, digest: IntakeCommand.digest(raw), details: details, dryRun: dryRun, actor: context.actor, at: context.now)
            if json || dryRun {
                return try IntakeReport.print(outcome, reference: request.subjectRequestId, kind: request.type.kind,
                                              source: "OpenDSR (\(request.type.rawValue))", extra: "", json: json)
            }
            let publicId: String
            switch outcome {
            case .created(let detail): publicId = detail.summary.publicId
            case .duplicate(let existing):
                publicId = existing
                printErr("loupe: duplicate: \(request.subjectRequestId) is already \(existing); nothing new recorded.")
            case .wouldCreate: return
            }
            let detail = try context.database.requestDetail(publicId: publicId)
            var response: [String: String] = [
                "controller_id": OpenDSRResponse.controllerId,
                "expected_completion_time": CivilTime.iso8601(detail.effectiveDue),
                "received_time": CivilTime.iso8601(detail.summary.receivedAt),
                "encoded_request": raw.base64EncodedString(),
                "subject_request_id": request.subjectRequestId,
            ]
            let unsigned = try OpenDSRResponse.encode(response)
            response["processor_signature"] = try key.signature(for: unsigned).derRepresentation.base64EncodedString()
            print(String(decoding: try OpenDSRResponse.encode(response), as: UTF8.self))
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
            guard let publicId = try context.database.publicId(channel: .opendsr, externalReference: id)
                ?? (try? context.database.requestDetail(publicId: id)).flatMap({ $0.channel == .opendsr ? $0.summary.publicId : nil })
            else {
                throw LoupeError(.notFound, "No request came in through OpenDSR as \(TextRules.printable(id)).")
            }
            let detail = try context.database.requestDetail(publicId: publicId)
            let status: String = switch detail.summary.status {
                case .received, .verifying: "pending"
                case .inProgress, .awaitingApproval, .approved: "in_progress"
                case .completed: "completed"
                case .rejected, .cancelled: "cancelled"
            }
            print(String(decoding: try OpenDSRResponse.encode([
                "api_version": "2.0", "controller_id": OpenDSRResponse.controllerId,
                "expected_completion_time": CivilTime.iso8601(detail.effectiveDue),
                "subject_request_id": detail.externalReference ?? id, "request_status": status,
            ]), as: UTF8.self))
        }
    }
}

/// The parts of an OpenDSR response that are ours: the controller id, the JSON form, the signing key.
enum OpenDSRResponse {
    static let controllerId = "jewelrydealshop"

    static func encode(_ body: [String: String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }

    /// The P-256 key responses are signed with. It is made (640, like the vault key) by `loupe init`, or before
    /// the first OpenDSR request is answered (`mayCreate`): once controllers hold signatures, a missing, unreadable or damaged key is an error
    /// naming what to restore, never silently replaced.
    static func signingKey(path: String, mayCreate: Bool) throws -> P256.Signing.PrivateKey {
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoupeError(.storage, "Cannot read the OpenDSR signing key \(path): it must be readable by Loupe.")
            }
            do { return try P256.Signing.PrivateKey(rawRepresentation: data) } catch {
                throw LoupeError(.storage, "\(path) is not an OpenDSR signing key; restore it from your backup.", cause: error)
            }
        }
        guard mayCreate else {
            throw LoupeError(.storage, "The OpenDSR signing key \(path) is missing; restore it from your backup (controllers hold signatures made with it). Nothing was recorded.")
        }
        let key = P256.Signing.PrivateKey()
        try SharedFileMode.createKeyFile(path, contents: key.rawRepresentation)
        return key
    }
}
