import Foundation
import LoupeStore
import Prometheus

/// The service's Prometheus figures (swift-prometheus): requests by route and status, the intake latency
/// histogram, and, read from the database at each scrape, open requests by status, the overdue count and the
/// outbox depth. Labels are route templates and status codes only: never an id or a personal value.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let intake: DurationHistogram

    init() {
        intake = registry.makeDurationHistogram(
            name: "loupe_intake_duration_seconds",
            buckets: [
                .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
            ],
            help: "Time to validate and record a webhook or an OpenDSR request.")
    }

    /// Counts one answered request.
    func count(route: String, status: Int) {
        registry.makeCounter(
            name: "loupe_http_requests_total", labels: [("route", route), ("status", String(status))],
            help: "HTTP requests answered, by route template and status."
        ).increment()
    }

    /// Records how long an intake took.
    func recordIntake(_ duration: Duration) {
        intake.record(duration)
    }

    /// The text exposition, with the database's figures read now.
    func exposition(_ figures: ServiceFigures) -> String {
        for (status, count) in figures.openByStatus {
            registry.makeGauge(
                name: "loupe_open_requests", labels: [("status", status)],
                help: "Open privacy requests, by status."
            ).set(to: Double(count))
        }
        registry.makeGauge(name: "loupe_overdue_requests", help: "Open requests past their due date.")
            .set(to: Double(figures.overdue))
        registry.makeGauge(name: "loupe_outbox_depth", help: "Messages not yet sent (queued, sending, in doubt).")
            .set(to: Double(figures.outboxDepth))
        return registry.emitToString()
    }
}
