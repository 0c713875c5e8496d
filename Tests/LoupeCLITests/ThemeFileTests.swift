import Foundation
@testable import LoupeCLI
import LoupeDomain
@testable import LoupeUI
import Testing

/// Theme files: parsed where they are read (the CLI), so the pure console module does not depend on a YAML parser.
@Suite struct ThemeFileTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    static var themeFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func theShippedThemesCoverContrastColourBlindnessAndLightTerminals() {
        #expect(Self.themeFiles == ["colour-blind.yaml", "default.yaml", "high-contrast.yaml", "light.yaml", "monochrome.yaml"])
    }

    /// Overdue and due-soon must not differ by colour alone: their attributes differ in every theme.
    @Test(arguments: themeFiles)
    func statesDifferByMoreThanColour(file: String) throws {
        let path = Self.themesDirectory.appendingPathComponent(file).path
        let theme = try Theme.parse(yaml: String(contentsOfFile: path, encoding: .utf8), source: path)
        #expect(theme.style(.overdue).attributes != theme.style(.dueSoon).attributes, "\(file)")
        #expect(theme.style(.selection).attributes != theme.style(.text).attributes, "\(file)")
    }

    @Test(arguments: themeFiles)
    func everyThemeFileParsesAndMapsEveryRole(file: String) throws {
        let path = Self.themesDirectory.appendingPathComponent(file).path
        let theme = try Theme.parse(yaml: String(contentsOfFile: path, encoding: .utf8), source: path)
        #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "\(file) maps every role")
        for role in [StyleRole.selection, .overdue, .dueSoon, .title, .error] {
            #expect(!theme.style(role).attributes.isEmpty, "\(file): \(role) must read without colour")
        }
    }

    @Test func theFilesSayWhatIsBuiltIn() throws {
        let defaultFile = Self.themesDirectory.appendingPathComponent("default.yaml").path
        let monochromeFile = Self.themesDirectory.appendingPathComponent("monochrome.yaml").path
        #expect(try Theme.parse(yaml: String(contentsOfFile: defaultFile, encoding: .utf8), source: "d") == Theme.builtInDefault)
        #expect(try Theme.parse(yaml: String(contentsOfFile: monochromeFile, encoding: .utf8), source: "m") == Theme.monochrome)
    }

    @Test func missingRolesFallBackToTheDefault() throws {
        let theme = try Theme.parse(yaml: "name: tiny\nroles:\n  title: { fg: red }\n", source: "tiny.yaml")
        #expect(theme.style(.title).foreground == .ansi(1))
        #expect(theme.style(.overdue) == Theme.builtInDefault.style(.overdue))
    }

    @Test(arguments: [
        ("roles:\n  title: { fg: mauve }\n", "bad.yaml: roles.title.fg is 'mauve'"),
        ("roles:\n  titel: { fg: red }\n", "bad.yaml: roles.titel is not a style role"),
        ("roles:\n  title: { attrs: [blink] }\n", "bad.yaml: roles.title.attrs has 'blink'"),
        ("roles:\n  title: { fg: color300 }\n", "bad.yaml: roles.title.fg is 'color300'"),
        ("colours: {}\n", "bad.yaml: unknown key 'colours'"),
        ("roles: [\n", "bad.yaml: not valid YAML"),
    ])
    func aBadThemeNamesTheFileAndTheKey(yaml: String, expected: String) {
        #expect {
            try Theme.parse(yaml: yaml, source: "bad.yaml")
        } throws: { error in
            guard let error = error as? LoupeError else { return false }
            return error.code == .configuration && error.message.hasPrefix(expected)
        }
    }

    @Test func colourFormsAreUnderstood() throws {
        let theme = try Theme.parse(yaml: "roles:\n  text: { fg: '#ff8000', bg: color236 }\n  ok: { fg: default }\n", source: "x")
        #expect(theme.style(.text).foreground == .rgb(255, 128, 0))
        #expect(theme.style(.text).background == .indexed(236))
        #expect(theme.style(.ok).foreground == .terminalDefault)
    }
}
