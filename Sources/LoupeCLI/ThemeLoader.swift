import Foundation
import LoupeDomain
import LoupeUI

/// Finds and reads a theme by name or path.
enum ThemeLoader {
    /// Loads `nameOrPath`: a path (with `/` or ending in `.yaml`), or a name looked up in
    /// `$XDG_CONFIG_HOME/loupe/themes`, then the `themes/` folder shipped beside the program; `default` and
    /// `monochrome` are also built in.
    static func load(_ nameOrPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            return try read(path: nameOrPath)
        }
        for directory in searchDirectories(environment: environment) {
            let path = "\(directory)/\(nameOrPath).yaml"
            if FileManager.default.fileExists(atPath: path) { return try read(path: path) }
        }
        switch nameOrPath {
        case "default": return Theme.builtInDefault
        case "monochrome": return Theme.monochrome
        default:
            let known = Set(availableNames(environment: environment) + ["default", "monochrome"]).sorted()
            throw LoupeError(.configuration,
                "No theme named '\(nameOrPath)'. Known themes: \(known.joined(separator: ", ")); or give a file path.")
        }
    }

    /// Reads a theme file; errors name the file and the key at fault.
    static func read(path: String) throws -> Theme {
        guard let data = try Privilege.asUser({ FileManager.default.contents(atPath: path) }) else {
            throw LoupeError(.configuration, "Cannot read the theme file \(path): check the path.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoupeError(.configuration, "\(path) is not UTF-8 text.")
        }
        return try Theme.parse(yaml: text, source: path)
    }

    /// Theme names found in the search directories.
    static func availableNames(environment: [String: String]) -> [String] {
        searchDirectories(environment: environment).flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        }
    }

    /// The user's theme folder, then the nearest `themes/` folder above the executable.
    static func searchDirectories(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            directories.append("\(config)/loupe/themes")
        } else if let home = environment["HOME"] {
            directories.append("\(home)/.config/loupe/themes")
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("themes").path
            if FileManager.default.fileExists(atPath: candidate) {
                directories.append(candidate)
                break
            }
            directory.deleteLastPathComponent()
        }
        return directories
    }
}
