import CNcurses
import LoupeUI

/// Colour pairs and attributes for each style role, from a theme. Without colour, the monochrome theme's
/// attributes carry every role.
struct CursesPalette {
    let useColor: Bool
    private var attributes: [StyleRole: attr_t] = [:]
    private var pairs: [StyleRole: Int16] = [:]

    init(theme: Theme, useColor: Bool) {
        var useColor = useColor
        if useColor {
            useColor = start_color() != ERR
            if useColor { use_default_colors() }
        }
        self.useColor = useColor
        let effective = useColor ? theme : Theme.monochrome
        let colors = useColor ? Int(loupe_colors()) : 0
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = effective.style(role)
            attributes[role] = Self.attributes(style.attributes)
            guard useColor, index + 1 < Int(loupe_color_pairs()) else {
                pairs[role] = 0
                continue
            }
            let pair = Int16(index + 1)
            init_pair(pair, Self.color(style.foreground, colors: colors), Self.color(style.background, colors: colors))
            pairs[role] = pair
        }
    }

    /// Selects `role`'s attributes and colour pair for the next characters.
    func set(_ role: StyleRole) {
        _ = loupe_attrset_pair(attributes[role] ?? loupe_a_normal(), pairs[role] ?? 0)
    }

    private static func attributes(_ set: Set<Theme.Attribute>) -> attr_t {
        var value = loupe_a_normal()
        if set.contains(.bold) { value |= loupe_a_bold() }
        if set.contains(.dim) { value |= loupe_a_dim() }
        if set.contains(.reverse) { value |= loupe_a_reverse() }
        if set.contains(.underline) { value |= loupe_a_underline() }
        return value
    }

    /// The terminal colour number for a theme colour, approximated to what the terminal has.
    static func color(_ color: Theme.Color, colors: Int) -> Int16 {
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return Int16(colors >= 16 ? n : n % 8)
        case .indexed(let n):
            if colors >= 256 { return Int16(n) }
            return Int16(n < 16 ? (colors >= 16 ? n : n % 8) : 7)
        case .rgb(let r, let g, let b):
            if colors >= 256 {
                func level(_ v: UInt8) -> Int { Int((Double(v) / 255 * 5).rounded()) }
                return Int16(16 + 36 * level(r) + 6 * level(g) + level(b))
            }
            let index = (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
            return Int16(index)
        }
    }
}
