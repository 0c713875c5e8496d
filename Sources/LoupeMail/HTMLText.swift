import CLibXML2
import Foundation

/// The text of an HTML-only mail, as a reader would see it: libxml2's HTML parser (forgiving, as browsers are;
/// no network) builds the tree, and this walk keeps only its text, with a line break where a block ends and `- `
/// before a list item. Scripts, styles and the head are dropped; entities and charsets are libxml2's job.
enum HTMLText {
    /// The longest HTML read (a body is capped at 64 kB later anyway).
    static let inputLimit = 2 << 20

    /// Elements that end a line.
    private static let blocks: Set<String> = [
        "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "section",
        "article", "header", "footer", "hr", "pre", "address", "dl", "dt", "dd", "form", "center",
    ]
    /// Elements whose content is not text a reader sees.
    private static let hidden: Set<String> = ["script", "style", "head", "title", "template", "noscript", "object"]

    /// The readable text of `html`.
    static func text(_ html: String) -> String {
        let bytes = Array(html.utf8.prefix(inputLimit))
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var output = ""
        var node = document.pointee.children
        while let current = node {
            walk(current, into: &output, depth: 0)
            node = current.pointee.next
        }
        return tidy(output)
    }

    private static func walk(_ node: UnsafeMutablePointer<xmlNode>, into output: inout String, depth: Int) {
        guard depth < 256 else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                output += String(cString: content).replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ")
            }
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if hidden.contains(name) { return }
            let isBlock = blocks.contains(name)
            if isBlock { output += "\n" }
            if name == "li" { output += "\n- " }
            if name == "br" { output += "\n" }
            if name == "td" || name == "th" { output += " " }
            var child = node.pointee.children
            while let current = child {
                walk(current, into: &output, depth: depth + 1)
                child = current.pointee.next
            }
            if isBlock { output += "\n" }
        default:
            break
        }
    }

    /// Runs of spaces made one, lines trimmed, at most one blank line in a row.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
