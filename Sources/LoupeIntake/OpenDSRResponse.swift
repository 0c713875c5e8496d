import Crypto
import Foundation
import LoupeDomain

/// The controller's side of OpenDSR 2.0 (FORMATS.md section 2): the 201 body that acknowledges a request, the
/// status body, and how Loupe's statuses map onto the specification's. Bodies are signed with the controller's
/// P-256 key (ECDSA over the body's SHA-256, DER, base64).
public enum OpenDSRResponse {
    /// Who answers.
    public static let controllerId = "jewelrydealshop"

    /// The specification's status of a request in `status`.
    public static func status(_ status: RequestStatus) -> String {
        switch status {
        case .received, .verifying: "pending"
        case .inProgress, .awaitingApproval, .approved: "in_progress"
        case .completed: "completed"
        case .rejected, .cancelled: "cancelled"
        }
    }

    /// The 201 body acknowledging `request` (its raw bytes are echoed, as the specification asks), signed.
    public static func accepted(_ request: OpenDSRRequest, raw: Data, receivedAt: Date, expectedAt: Date,
                                key: P256.Signing.PrivateKey) throws -> Data {
        try signed([
            "controller_id": controllerId,
            "expected_completion_time": CivilTime.iso8601(expectedAt),
            "received_time": CivilTime.iso8601(receivedAt),
            "encoded_request": raw.base64EncodedString(),
            "subject_request_id": request.subjectRequestId,
        ], key: key)
    }

    /// The status body of a request that came in as `subjectRequestId`.
    public static func statusBody(subjectRequestId: String, status: RequestStatus, expectedAt: Date) throws -> Data {
        try encode([
            "api_version": "2.0", "controller_id": controllerId,
            "expected_completion_time": CivilTime.iso8601(expectedAt),
            "subject_request_id": subjectRequestId, "request_status": Self.status(status),
        ])
    }

    /// `body` with `processor_signature` over its encoding without it.
    public static func signed(_ body: [String: String], key: P256.Signing.PrivateKey) throws -> Data {
        var body = body
        body["processor_signature"] = try key.signature(for: encode(body)).derRepresentation.base64EncodedString()
        return try encode(body)
    }

    /// The JSON form: sorted keys, slashes unescaped.
    public static func encode(_ body: [String: String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }
}
