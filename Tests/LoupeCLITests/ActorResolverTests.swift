import Foundation
import LoupeDomain
@testable import LoupeCLI
import LoupeDemo
import LoupeStore
import Testing

@Suite struct ActorResolverTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("loupe-actor-\(UUID().uuidString)/\(name)").path
    }

    @Test func onADemoDatabaseAsPicksADemoStaffMember() throws {
        let path = temporaryPath("demo.sqlite")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try DemoSeeder.build(at: path, options: DemoOptions(customers: 5, now: Date(), operatorUser: ActorResolver.osUserName()))
        let database = try AppDatabase.open(path: path, create: false)
        #expect(try ActorResolver.resolve(in: database, actingAs: "sam").role == .supervisor)
        #expect(try ActorResolver.resolve(in: database, actingAs: nil).userName == ActorResolver.osUserName())
        #expect {
            try ActorResolver.resolve(in: database, actingAs: "mallory")
        } throws: { error in
            (error as? LoupeError)?.message == "'mallory' is not Loupe staff. An admin can add them: loupe staff add mallory --role agent"
        }
    }

    @Test func onARealDatabaseAsIsRefused() throws {
        let path = temporaryPath("real.sqlite")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let database = try AppDatabase.open(path: path)
        #expect {
            try ActorResolver.resolve(in: database, actingAs: "ava")
        } throws: { error in
            (error as? LoupeError)?.message.hasPrefix("--as works only on a demo database") == true
        }
    }
}
