import Foundation
import LoupeDomain
@testable import LoupeCLI
import LoupeUI
import Testing

@Suite struct ThemeLoaderTests {
    @Test func builtInThemesLoadByName() throws {
        #expect(try ThemeLoader.load("default", environment: [:]).styles == Theme.builtInDefault.styles)
        #expect(try ThemeLoader.load("monochrome", environment: [:]).styles == Theme.monochrome.styles)
    }

    @Test func anUnknownNameListsTheKnownThemes() {
        #expect {
            try ThemeLoader.load("neon", environment: [:])
        } throws: { error in
            let message = (error as? LoupeError)?.message ?? ""
            return message.contains("No theme named 'neon'") && message.contains("default") && message.contains("monochrome")
        }
    }

    @Test func aThemeFileIsReadByPathAndItsErrorsNameIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("sea.yaml")
        try "name: sea\nroles:\n  title: { fg: blue, attrs: [bold] }\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try ThemeLoader.load(good.path).name == "sea")
        let bad = directory.appendingPathComponent("broken.yaml")
        try "roles:\n  title: { fg: 12 }\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect {
            try ThemeLoader.load(bad.path)
        } throws: { error in
            (error as? LoupeError)?.message.hasPrefix("\(bad.path): roles.title.fg") == true
        }
        #expect(throws: LoupeError.self) { try ThemeLoader.load(directory.appendingPathComponent("none.yaml").path) }
    }

    @Test func themesInTheUsersConfigFolderAreFoundByName() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-config-\(UUID().uuidString)")
        let folder = config.appendingPathComponent("loupe/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "name: mine\nroles:\n  text: { fg: green }\n".write(
            to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        #expect(try ThemeLoader.load("mine", environment: ["XDG_CONFIG_HOME": config.path]).name == "mine")
    }
}
