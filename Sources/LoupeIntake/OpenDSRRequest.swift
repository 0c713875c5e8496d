import Foundation
import LoupeDomain

/// An OpenDSR (formerly OpenGDPR) subject request, in the 2.0, 1.0 or 0.1 shape (FORMATS.md section 2).
public struct OpenDSRRequest: Equatable, Sendable {
    /// What the subject asks for.
    public enum RequestType: String, Sendable, CaseIterable {
        case access, portability, erasure

        /// The Loupe request kind: portability is served by the access export (machine-readable JSON).
        public var kind: RequestKind { self == .erasure ? .erasure : .access }
    }

    /// How an identity value is given.
    public enum IdentityFormat: String, Sendable, CaseIterable {
        case raw, sha1, md5, sha256
    }

    /// One identity of the subject.
    public struct Identity: Equatable, Sendable {
        public var type: String
        public var value: String
        public var format: IdentityFormat
    }

    /// The most identities one request may carry.
    public static let maxIdentities = 10

    /// The identity types of the core specification.
    public static let identityTypes: Set<String> = [
        "controller_customer_id", "android_advertising_id", "android_id", "email", "fire_advertising_id",
        "ios_advertising_id", "ios_vendor_id", "microsoft_advertising_id", "microsoft_publisher_id",
        "roku_publisher_id", "roku_advertising_id",
    ]

    public var subjectRequestId: String
    public var type: RequestType
    public var submittedTime: Date
    public var identities: [Identity]
    /// `gdpr` or `ccpa` (required from 2.0).
    public var regulation: String?
    public var apiVersion: String?
    public var statusCallbackURLs: [String]

    /// Parses and validates a request body; every error names the file and the JSON path.
    public static func parse(_ body: Data, source: String) throws -> OpenDSRRequest {
        let root = JSONReader(try StrictJSON.parse(body, source: source), source: source)
        try IntakeRules.rejectCardNumbers(in: root)
        let apiVersion = try root.optional("api_version").map { try IntakeRules.text($0, what: "api_version") }
        let regulation = try root.optional("regulation").map { reader -> String in
            let text = try reader.string()
            guard ["gdpr", "ccpa"].contains(text) else { throw reader.error("regulation must be \"gdpr\" or \"ccpa\".") }
            return text
        }
        if regulation == nil, apiVersion?.hasPrefix("2") == true {
            throw root.error("OpenDSR \(apiVersion!) requires \"regulation\" (\"gdpr\" or \"ccpa\").")
        }
        let idReader = try root.required("subject_request_id")
        let id = try IntakeRules.text(idReader, what: "subject_request_id")
        guard isLowercaseUUIDv4(id) else {
            throw idReader.error("subject_request_id must be a lowercase UUID v4 (like 2f8c1b3e-6d0a-4c9f-9b1e-7a5d3c2e1f00).")
        }
        let typeReader = try root.required("subject_request_type")
        guard let type = RequestType(rawValue: try typeReader.string()) else {
            throw typeReader.error("subject_request_type must be access, portability or erasure.")
        }
        let timeReader = try root.required("submitted_time")
        guard let submitted = rfc3339(try timeReader.string()) else {
            throw timeReader.error("submitted_time must be an RFC 3339 date-time like 2026-11-20T09:15:00Z.")
        }
        var identities = try root.optional("subject_identities")?.array().map(identity) ?? []
        if let extensions = try root.optional("extensions") {
            // 1.0 allows the identities to live in a processor's extension (only there, or as well).
            for name in try extensionNames(extensions) {
                // Under `identities` or `subject_identities`, typed as in the core or in a processor's words.
                let processor = try extensions.required(name)
                guard case .object = processor.value else { continue }
                for key in ["identities", "subject_identities"] {
                    identities += try processor.optional(key)?.array().compactMap(extensionIdentity) ?? []
                }
            }
        }
        // A handful, each bounded (IntakeRules.text): one request never makes the store look up thousands.
        guard identities.count <= maxIdentities else {
            throw root.error(
                "\(identities.count) subject identities: at most \(maxIdentities) are accepted in one request.")
        }
        guard !identities.isEmpty else {
            throw root.error("no subject identity: give subject_identities with at least one identity (email or controller_customer_id).")
        }
        let callbacks = try root.optional("status_callback_urls")?.array().map { reader -> String in
            let url = try IntakeRules.text(reader, what: "status callback URL")
            // https, as the specification asks; plain http only to this machine's loopback (a local relay or test
            // receiver), which the callback allow-list must still name.
            let loopback = ["http://127.0.0.1:", "http://127.0.0.1/", "http://[::1]:", "http://[::1]/"]
            guard url.hasPrefix("https://") || loopback.contains(where: url.hasPrefix) else {
                throw reader.error("status callback URLs must be https:// URLs.")
            }
            return url
        } ?? []
        return OpenDSRRequest(subjectRequestId: id, type: type, submittedTime: submitted, identities: identities,
                              regulation: regulation, apiVersion: apiVersion, statusCallbackURLs: callbacks)
    }

    private static func identity(_ reader: JSONReader) throws -> Identity {
        let typeReader = try reader.required("identity_type")
        let type = try typeReader.string()
        guard identityTypes.contains(type) else {
            throw typeReader.error("identity_type \"\(TextRules.printable(type))\" is not an OpenDSR identity type (\(identityTypes.sorted().joined(separator: ", "))).")
        }
        let formatReader = try reader.required("identity_format")
        guard let format = IdentityFormat(rawValue: try formatReader.string()) else {
            throw formatReader.error("identity_format must be raw, sha1, md5 or sha256.")
        }
        let valueReader = try reader.required("identity_value")
        let value = try IntakeRules.text(valueReader, what: "identity_value")
        let hexLength = ["sha1": 40, "md5": 32, "sha256": 64][format.rawValue]
        if let hexLength, value.count != hexLength || !value.allSatisfy(\.isHexDigit) {
            throw valueReader.error("a \(format.rawValue) identity must be \(hexLength) hex digits.")
        }
        return Identity(type: type, value: format == .raw ? value : value.lowercased(), format: format)
    }

    private static func extensionIdentity(_ reader: JSONReader) throws -> Identity? {
        // One given as the core gives it (with its format: a hashed email in an extension matches too).
        if try reader.optional("identity_format") != nil,
            identityTypes.contains(try reader.required("identity_type").string())
        {
            return try identity(reader)
        }
        var type = try reader.required("identity_type").string()
        // mParticle's extension names phones `mobile_number`, `phone_number_2`, `phone_number_3`.
        if type == "mobile_number" || type.hasPrefix("phone_number") { type = "phone" }
        guard type == "email" || type == "controller_customer_id" || type == "phone" else { return nil }
        return Identity(type: type, value: try IntakeRules.text(try reader.required("identity_value"), what: "identity_value"),
                        format: .raw)
    }

    private static func extensionNames(_ reader: JSONReader) throws -> [String] {
        guard case .object(let members) = reader.value else { throw reader.error("extensions must be an object keyed by processor domain.") }
        return members.map(\.key)
    }

    /// `8-4-4-4-12` lowercase hex, version 4, variant 8-b.
    static func isLowercaseUUIDv4(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12],
              text.allSatisfy({ $0 == "-" || ($0.isHexDigit && !$0.isUppercase) }) else { return false }
        return parts[2].first == "4" && "89ab".contains(parts[3].first!)
    }

    static func rfc3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
