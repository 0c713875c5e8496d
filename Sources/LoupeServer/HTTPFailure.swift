import Foundation
import Hummingbird
import LoupeDomain

/// How a refusal from the core reaches an HTTP client: the status its code calls for and a JSON body with the
/// message (a message names what is wrong and how to fix it, and never a personal value).
enum HTTPFailure {
    /// The status for a core error.
    static func status(for error: LoupeError) -> HTTPResponse.Status {
        switch error.code {
        case .invalidInput: .badRequest
        case .notAllowed: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .configuration, .storage: .serviceUnavailable
        default: .internalServerError
        }
    }

    /// A JSON error response: `{"error": "..."}`.
    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body = Array(CanonicalJSON.object(["error": message]).utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func withHeaders(_ response: Response, _ headers: HTTPFields) -> Response {
        var response = response
        for field in headers where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }

    /// The response for any error a route threw: a core error by its code, an HTTP error as it is, else 500.
    static func response(for error: any Error) -> Response {
        switch error {
        case let error as LoupeError: response(status(for: error), error.message)
        case let error as HTTPError:
            withHeaders(response(error.status, error.body ?? error.status.reasonPhrase), error.headers)
        default: response(.internalServerError, "The server failed; the log says why.")
        }
    }
}
