import AsyncHTTPClient
import Foundation
import Logging
import LoupeDomain
import LoupeStore
import NIOCore
import ServiceLifecycle

/// Sends the persisted OpenDSR status callbacks (AsyncHTTPClient), once a second while `serve` runs: each one
/// signed (`X-OpenDSR-Signature`), only to a host on the allow-list whose every address may be called, and to the
/// address that was checked (the name is resolved once; the client connects to that address and keeps the name
/// for TLS and Host, so a DNS answer that changes between check and connect cannot send it to loopback), never
/// following a redirect; a failure is retried with backoff by the store's rule. A restart loses none: the queue
/// is in the database, and a callback in flight when the process died is leased for a minute, then sent again.
struct CallbackSender: Service {
    let database: AppDatabase
    let actor: StaffMember
    let logger: Logger
    let clock: @Sendable () -> Date
    /// The addresses a host name resolves to (getaddrinfo; a test gives its own).
    var resolve: @Sendable (String) -> [String] = HostResolver.addresses

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sendDue()
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func sendDue() async {
        do {
            for delivery in try database.leaseDueCallbacks(actor: actor, at: clock()) {
                do {
                    let status = try await send(delivery)
                    try database.markCallbackDelivered(delivery, status: status, actor: actor, at: clock())
                    logger.info(
                        "callback delivered", metadata: ["status": "\(status)", "attempt": "\(delivery.attempts + 1)"])
                } catch {
                    let reason = (error as? LoupeError)?.message ?? "\(error)"
                    try database.markCallbackFailed(delivery, error: reason, actor: actor, at: clock())
                    logger.warning("callback failed", metadata: ["attempt": "\(delivery.attempts + 1)"])
                }
            }
        } catch {
            logger.error(
                "callback queue unreadable", metadata: ["error": "\((error as? LoupeError)?.message ?? "\(error)")"])
        }
    }

    /// POSTs one callback; its HTTP status, or an error saying why it was not sent or not accepted.
    func send(_ delivery: CallbackDelivery) async throws -> Int {
        let allowList = try database.callbackHosts()
        let host = try CallbackTargetRule.host(of: delivery.url, allowList: allowList)
        let addresses = resolve(host)
        guard let address = addresses.first else {
            throw LoupeError(.invalidInput, "The callback host does not resolve.")
        }
        guard addresses.allSatisfy({ CallbackTargetRule.mayConnect(to: $0, allowList: allowList) }) else {
            throw LoupeError(
                .notAllowed, "The callback host resolves to a private address that is not on the allow-list.")
        }
        // The client connects to the address checked, never to a second answer of the resolver.
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(10)))
        configuration.httpVersion = .http1Only
        configuration.dnsOverride = [host: address]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let status = try await post(delivery, with: client)
            try await client.shutdown()
            return status
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func post(_ delivery: CallbackDelivery, with client: HTTPClient) async throws -> Int {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-OpenDSR-Signature", value: try database.openDSRSignature(for: delivery.body))
        request.body = .bytes(ByteBuffer(bytes: delivery.body))
        let response = try await client.execute(request, timeout: .seconds(10))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw LoupeError(.storage, "The callback receiver answered HTTP \(response.status.code).")
        }
        return Int(response.status.code)
    }
}
