import LoupeDomain
import LoupeUI
import Yams

extension Theme {
    /// Parses a theme file's text. `source` names the file in error messages, which also name the key at fault.
    ///
    /// ```yaml
    /// name: default
    /// roles:
    ///   title: { fg: brightWhite, bg: blue, attrs: [bold] }
    ///   overdue: { fg: "#ff5555", attrs: [bold] }
    /// ```
    public static func parse(yaml text: String, source: String) throws -> Theme {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw LoupeError(.configuration, "\(source): not valid YAML (\(error)). Check indentation and quoting.")
        }
        guard let document = root as? [String: Any] else {
            throw LoupeError(.configuration, "\(source): expected a mapping with 'name' and 'roles'.")
        }
        for key in document.keys where key != "name" && key != "roles" {
            throw LoupeError(.configuration, "\(source): unknown key '\(key)'; a theme has only 'name' and 'roles'.")
        }
        let name = document["name"] as? String ?? "custom"
        guard let roles = document["roles"] as? [String: Any] else {
            throw LoupeError(.configuration, "\(source): 'roles' is missing or not a mapping of role names to styles.")
        }
        var styles: [StyleRole: Style] = [:]
        for (roleName, value) in roles {
            guard let role = StyleRole(rawValue: roleName) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw LoupeError(.configuration, "\(source): roles.\(roleName) is not a style role; use one of: \(known).")
            }
            styles[role] = try parseStyle(value, path: "roles.\(roleName)", source: source)
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ value: Any, path: String, source: String) throws -> Style {
        guard let fields = value as? [String: Any] else {
            throw LoupeError(.configuration, "\(source): \(path) must be a mapping like { fg: red, attrs: [bold] }.")
        }
        var style = Style()
        for (key, field) in fields {
            switch key {
            case "fg": style.foreground = try parseColor(field, path: "\(path).fg", source: source)
            case "bg": style.background = try parseColor(field, path: "\(path).bg", source: source)
            case "attrs":
                guard let list = field as? [Any] else {
                    throw LoupeError(.configuration, "\(source): \(path).attrs must be a list, e.g. [bold, underline].")
                }
                for item in list {
                    guard let text = item as? String, let attribute = Attribute(rawValue: text) else {
                        throw LoupeError(.configuration, "\(source): \(path).attrs has '\(item)'; use bold, dim, reverse or underline.")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw LoupeError(.configuration, "\(source): \(path).\(key) is unknown; a style has fg, bg and attrs.")
            }
        }
        return style
    }

    private static func parseColor(_ value: Any, path: String, source: String) throws -> Color {
        let text = "\(value)"
        if text == "default" { return .terminalDefault }
        if let index = colorNames.firstIndex(of: text) { return .ansi(index) }
        if text.hasPrefix("color"), let n = Int(text.dropFirst(5)), (0...255).contains(n) { return .indexed(n) }
        if text.hasPrefix("#"), text.count == 7, let rgb = UInt32(text.dropFirst(), radix: 16) {
            return .rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        }
        throw LoupeError(.configuration, 
            "\(source): \(path) is '\(text)'; use a colour name (red, brightBlue, ...), colorNNN (0-255), #rrggbb or default.")
    }
}

