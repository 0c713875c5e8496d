import LoupeDomain

extension AppState {
    /// A key typed while the `:` command line is open.
    mutating func handleCommandLineKey(_ key: Key) -> [Effect] {
        guard var line = commandLine else { return [] }
        switch key {
        case .escape:
            commandLine = nil
            return []
        case .enter:
            commandLine = nil
            let text = line.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [] }
            commandHistory.removeAll { $0 == text }
            commandHistory.append(text)
            if commandHistory.count > 50 { commandHistory.removeFirst() }
            return run(command: text)
        case .tab, .backTab:
            // Tab fills what every completion shares; pressed again, it cycles through them (Shift-Tab back).
            if var cycle = line.cycle {
                cycle.index = (cycle.index + (key == .tab ? 1 : cycle.options.count - 1)) % cycle.options.count
                line.text = cycle.options[cycle.index]
                line.cycle = cycle
                message = StatusMessage(cycle.options.joined(separator: "  "))
                commandLine = line
                return []
            }
            let options = CommandLineState.completions(for: line.text, themes: themeNames)
            if let prefix = CommandLineState.commonPrefix(options), prefix.count > line.text.count {
                line.text = prefix
            } else if options.count > 1 {
                line.text = options[0]
                line.cycle = (options, 0)
            }
            message = options.count > 1 ? StatusMessage(options.joined(separator: "  ")) : nil
            commandLine = line
            return []
        case .up, .down:
            guard !commandHistory.isEmpty else { return [] }
            let last = commandHistory.count - 1
            let index = key == .up ? max((line.historyIndex ?? commandHistory.count) - 1, 0)
                : (line.historyIndex.map { $0 + 1 } ?? commandHistory.count)
            line.historyIndex = index > last ? nil : index
            line.text = line.historyIndex.map { commandHistory[$0] } ?? ""
        case .backspace where line.text.isEmpty:
            commandLine = nil
            return []
        default:
            guard line.line.edit(key) else { return [] }
        }
        line.cycle = nil
        commandLine = line
        return []
    }

    /// Carries out one command line.
    mutating func run(command text: String) -> [Effect] {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch words[0] {
        case "queue":
            screens = [screens[0]]
            return reloadScreen()
        case "approvals": return reduce(.showApprovals)
        case "dash", "dashboard": return reduce(.showDashboard)
        case "audit": return reduce(.showRecords(.audit))
        case "tasks": return reduce(.showRecords(.tasks))
        case "mail": return reduce(.showRecords(.mail))
        case "orders": return reduce(.showRecords(.orders))
        case "order":
            guard !argument.isEmpty else {
                message = StatusMessage("Give an order number, e.g. :order JDS-100042 or :order #1042.", isError: true)
                return []
            }
            return reduce(.showRecords(.order(argument)))
        case "customers", "cust": return reduce(.showCustomers(query: argument, editing: argument.isEmpty))
        case "q", "quit": return reduce(.quit)
        case "messages", "msgs": return reduce(.showMessages)
        case "help": return reduce(.toggleHelp)
        case "live":
            isLivePaused = false
            message = StatusMessage("Live refresh on: changes by others appear within two seconds.")
            return [.checkForChanges]
        case "theme":
            guard !argument.isEmpty else {
                message = StatusMessage("Name a theme: \(themeNames.joined(separator: ", ")).", isError: true)
                return []
            }
            return [.switchTheme(argument)]
        case "request", "r":
            guard let publicId = Self.requestId(argument, year: deadlines.dayString(now).prefix(4)) else {
                message = StatusMessage("Give a request id, e.g. :request PR-2026-000123 or :request 123.", isError: true)
                return []
            }
            push(.request(publicId))
            return [.loadRequest(publicId: publicId)]
        case _ where words.count == 1 && Self.requestId(words[0], year: deadlines.dayString(now).prefix(4)) != nil:
            // `:258` and `:PR-2026-000258` open the request, as `:request` does.
            return run(command: "request " + words[0])
        default:
            let known = CommandLineState.commands.map { ":" + $0.name }.joined(separator: " ")
            message = StatusMessage("Unknown command :\(TextRules.printable(words[0])). Commands: \(known).", isError: true)
            return []
        }
    }

    /// `PR-2026-000123` as typed, or a bare number as this year's request.
    static func requestId(_ text: String, year: Substring) -> String? {
        let upper = text.uppercased()
        if upper.hasPrefix("PR-"), upper.count <= 20, upper.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "-") }) {
            return upper
        }
        guard let number = Int(text), number > 0, number < 1_000_000 else { return nil }
        let digits = String(number)
        return "PR-\(year)-" + String(repeating: "0", count: max(6 - digits.count, 0)) + digits
    }
}
