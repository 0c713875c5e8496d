import HTTPTypes
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// How many connections `serve` holds at once, shared by every connection's guard.
final class ConnectionCount: Sendable {
    private let count = NIOLockedValueBox(0)
    /// The most connections held; one more is answered 503 and closed.
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts a new connection; false when it is one too many (it is not counted then).
    func open() -> Bool {
        count.withLockedValue { value in
            guard value < limit else { return false }
            value += 1
            return true
        }
    }

    func close() { count.withLockedValue { $0 -= 1 } }

    /// Connections held now.
    var current: Int { count.withLockedValue { $0 } }
}

/// Guards one connection against a slow or idle client: its request's headers must arrive within
/// `headerTimeout` of the connection (or of the previous response), else it is closed; beyond the connection
/// limit it is answered 503 at once and closed, so slow clients never use up the descriptors `/healthz` needs.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let connections: ConnectionCount
    private let headerTimeout: TimeAmount
    private var counted = false
    private var timer: Scheduled<Void>?

    init(connections: ConnectionCount, headerTimeout: TimeAmount) {
        self.connections = connections
        self.headerTimeout = headerTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard connections.open() else {
            let response = HTTPResponse(
                status: .serviceUnavailable,
                headerFields: [.connection: "close", .contentLength: "0", .retryAfter: "1"])
            context.write(wrapOutboundOut(.head(response)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
            return
        }
        counted = true
        armHeaderTimer(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        if counted {
            counted = false
            connections.close()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard counted else { return }  // refused: nothing it sends is read
        if case .head = unwrapInboundIn(data) {
            timer?.cancel()
            timer = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // A response ends: the next request's headers have the same time to arrive (keep-alive).
        if case .end = unwrapOutboundIn(data) { armHeaderTimer(context: context) }
        context.write(data, promise: promise)
    }

    private func armHeaderTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: headerTimeout) { channel.close(promise: nil) }
    }
}
