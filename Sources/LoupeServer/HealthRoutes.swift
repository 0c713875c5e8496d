import Foundation
import Hummingbird
import LoupeDomain
import LoupeStore

/// `GET /healthz` (the database answers and its schema is current: 200, else 503 with why) and `GET /metrics`
/// (Prometheus text).
struct HealthRoutes: Sendable {
    let database: AppDatabase
    let metrics: ServiceMetrics
    let clock: @Sendable () -> Date

    func add(to router: Router<ServerContext>) {
        router.get("/healthz") { _, _ -> Response in
            do {
                try database.checkServing()
                return Response(
                    status: .ok, headers: [.contentType: "text/plain"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
            } catch let error as LoupeError {
                return HTTPFailure.response(.serviceUnavailable, error.message)
            }
        }
        router.get("/metrics") { _, _ -> Response in
            let text = metrics.exposition(try database.serviceFigures(now: clock()))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
