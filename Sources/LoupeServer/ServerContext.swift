import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The request context of `loupe serve`: Hummingbird's core storage and the peer's address (audited when a
/// one-time export link is used).
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end: the reverse proxy's when there is one.
    let peer: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
    }

    /// Who fetched: the address the proxy forwarded for (`X-Forwarded-For`, when the peer is loopback, i.e. the
    /// local nginx), else the peer's own.
    func clientAddress(_ request: Request) -> String {
        let peerText = peer?.ipAddress ?? "unknown"
        if peerText == "127.0.0.1" || peerText == "::1",
            let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return peerText
    }
}
