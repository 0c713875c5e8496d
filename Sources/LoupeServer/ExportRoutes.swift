import Foundation
import HTTPTypes
import Hummingbird
import LoupeDomain
import LoupeStore
import ZIPFoundation

/// `GET /exports/{token}`: the one-time link to an access copy. A valid link answers a ZIP (ZIPFoundation) of
/// `data.json`, `report.txt` and `SHA256SUMS`, and is used up by that download (audited: when, from which
/// address). An unknown, expired or used link gets the same plain page, which says to contact the shop and
/// nothing about why.
struct ExportRoutes: Sendable {
    let database: AppDatabase
    /// The service account the downloads are served and audited as.
    let actor: StaffMember
    let clock: @Sendable () -> Date

    static let files = ["data.json", "report.txt", "SHA256SUMS"]

    func add(to router: Router<ServerContext>) {
        router.get("/exports/:token") { request, context -> Response in
            let token = try context.parameters.require("token")
            guard let target = try database.exportLinkTarget(token: token, actor: actor, at: clock()),
                let archive = try? Self.zip(folder: target.folder),
                try database.markExportDownloaded(
                    target, from: context.clientAddress(request), actor: actor, at: clock())
            else { return try notAvailable() }
            var headers: HTTPFields = [.contentType: "application/zip", .cacheControl: "no-store"]
            headers[.contentDisposition] = "attachment; filename=\"\(target.requestId)-your-data.zip\""
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: archive)))
        }
    }

    /// The ZIP of the export's three files, built in memory.
    static func zip(folder: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for name in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The page for a link that does not open anything: the same for every reason.
    private func notAvailable() throws -> Response {
        let contact = (try? database.privacyAddress()).flatMap { $0 } ?? "the shop's privacy team"
        let page = "This link does not open anything (any more).\nTo get your data, write to \(contact).\n"
        return Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
