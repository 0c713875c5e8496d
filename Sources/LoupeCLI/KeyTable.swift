import LoupeUI

/// The key table as text, for `loupe keys` and the README.
enum KeyTable {
    static func text() -> String {
        var output = ""
        for context in ScreenKind.allCases {
            output += "\(context.rawValue.capitalized)\n"
            for binding in KeyMap.bindings(in: context) {
                output += "  " + binding.keyLabel.padding(toLength: 22, withPad: " ", startingAt: 0) + binding.help + "\n"
            }
            output += "\n"
        }
        return output
    }
}
