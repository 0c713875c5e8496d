import Foundation
import LoupeDemo
import LoupeDomain
import Testing

@testable import LoupeServer
@testable import LoupeStore

/// DNS rebinding: a name whose first answer is checked and whose second points at loopback. The sender resolves
/// once, checks that address, and connects to it with the name kept for Host; here the name resolves nowhere
/// (`.invalid`), so a client that asked the resolver again could not connect at all.
@Suite struct CallbackPinningTests {
    @Test func theCallbackGoesToTheAddressThatWasChecked() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-pin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("pin.sqlite").path
        _ = try DemoSeeder.build(at: path, options: DemoOptions(customers: 5, now: Date(), operatorUser: "tester"))
        let database = try AppDatabase.open(path: path, create: false)
        let admin = try #require(try database.staffMember(userName: "tester"))
        try database.setCallbackHosts(["rebind.invalid", "127.0.0.1"], actor: admin, at: Date())
        let receiver = try OneShotReceiver()
        var sender = CallbackSender(database: database, actor: admin, logger: .init(label: "test"), clock: Date.init)
        sender.resolve = { host in host == "rebind.invalid" ? ["127.0.0.1"] : [] }
        let delivery = CallbackDelivery(
            id: 1, requestId: "PR-2026-000001",
            url: "http://rebind.invalid:\(receiver.port)/callbacks",
            body: Data(#"{"request_status":"pending"}"#.utf8), attempts: 0)
        let status = try await sender.send(delivery)
        #expect(status == 204)
        let request = receiver.received()
        #expect(request.contains("POST /callbacks"))
        #expect(request.lowercased().contains("host: rebind.invalid:\(receiver.port)"), "the name is kept for Host")

        // The same name checked against an address that may not be called: refused before any connection.
        sender.resolve = { _ in ["10.0.0.7"] }
        await #expect(throws: LoupeError.self) { _ = try await sender.send(delivery) }
    }
}

/// A TCP listener on 127.0.0.1 that accepts one connection, reads one request and answers 204.
final class OneShotReceiver: @unchecked Sendable {
    let port: Int
    private let socketDescriptor: Int32
    private let done = DispatchSemaphore(value: 0)
    private var request = ""

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        socketDescriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else { throw LoupeError(.storage, "no listener") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let listener = descriptor
        Thread.detachNewThread { [self] in
            let connection = accept(listener, nil, nil)
            var data = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while !String(decoding: data, as: UTF8.self).contains("pending") {
                let count = read(connection, &buffer, buffer.count)
                if count <= 0 { break }
                data += buffer[0..<count]
            }
            request = String(decoding: data, as: UTF8.self)
            let answer = Array("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".utf8)
            _ = write(connection, answer, answer.count)
            close(connection)
            done.signal()
        }
    }

    /// The request it read (waits up to five seconds for it).
    func received() -> String {
        _ = done.wait(timeout: .now() + 5)
        close(socketDescriptor)
        return request
    }
}
