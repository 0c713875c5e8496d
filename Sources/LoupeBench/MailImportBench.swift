import Foundation
import LoupeDemo
import LoupeDomain
import LoupeStore

/// Times `loupe mail import` (the real binary) on a Maildir of `count` messages into a fresh demo database, and
/// reads the process's peak resident memory: it must stay flat from 1,000 to 10,000 messages (each message is
/// read, filed and moved on its own, never all held). The mix is what a privacy mailbox gets: plain requests in
/// four languages, multipart/alternative, HTML only, auto-replies, and what goes to the unsorted tray (mail the MTA
/// marked spam, newsletters, a question that asks for no right). `quarantined` files already in `.Quarantine/new/`
/// (left by earlier runs) must not slow a run.
enum MailImportBench {
    struct Figure {
        let messages: Int
        let seconds: Double
        let peakMegabytes: Double
        var quarantined = 0
        var perSecond: Double { Double(messages) / seconds }
    }

    static func run(binary: String, counts: [Int], in directory: URL, now: Date, quarantined: Int = 0) throws
        -> [Figure] {
        try counts.map { count in
            let folder = directory.appendingPathComponent("mail-\(count)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("mail.sqlite").path
            _ = try DemoSeeder.build(at: path, options: DemoOptions(customers: 2_000, now: now, operatorUser: "bench"))
            let opened = try AppDatabase.open(path: path, create: false)
            let emails = try opened.searchCustomers("", limit: 2_000, actor: try opened.staffMember(userName: "bench")!)
                .compactMap(\.email)
            let maildir = folder.appendingPathComponent("inbox")
            try writeMessages(count, emails: emails, to: maildir)
            let junk = maildir.appendingPathComponent(".Quarantine/new")
            try FileManager.default.createDirectory(at: junk, withIntermediateDirectories: true)
            for number in 0..<quarantined {
                try Data([0xFF, 0xFE, 0x00, UInt8(number % 256)])
                    .write(to: junk.appendingPathComponent("junk-\(number).msg"))
            }
            var figure = try timeImport(binary: binary, database: path, maildir: maildir.path, count: count)
            figure.quarantined = quarantined
            return figure
        }
    }

    private static func timeImport(binary: String, database: String, maildir: String, count: Int) throws -> Figure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["mail", "import", "--maildir", maildir, "--db", database, "--as", "bench"]
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var peak = 0.0
        while process.isRunning {
            peak = max(peak, ImportBench.memoryMegabytes("VmHWM", of: String(process.processIdentifier)))
            usleep(20_000)
        }
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else {
            throw LoupeError(.storage, "loupe mail import exited \(process.terminationStatus) in the benchmark")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").count
        guard left == 0 else { throw LoupeError(.storage, "\(left) messages were left in new/") }
        return Figure(messages: count, seconds: seconds, peakMegabytes: peak)
    }

    private static func writeMessages(_ count: Int, emails: [String], to maildir: URL) throws {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                at: maildir.appendingPathComponent(folder),
                withIntermediateDirectories: true)
        }
        let asks = [
            ("Please delete my account", "Hello,\nplease delete all my data and my account.\nThanks"),
            ("Solicitud de acceso", "Hola,\nquiero una copia de mis datos personales.\nGracias"),
            ("Auskunft", "Guten Tag,\nbitte senden Sie mir eine Kopie meiner Daten.\nDanke"),
            ("Désinscription", "Bonjour,\nje veux me désinscrire de la newsletter.\nMerci"),
            ("Where is my order?", "Hello,\nmy necklace has not arrived yet. Order 1043.\nThanks"),
        ]
        for number in 0..<count {
            let from = emails.isEmpty ? "sender\(number)@example.com" : emails[number % emails.count]
            let (subject, text) = asks[number % asks.count]
            // One in twenty the MTA marked spam, one in twenty a newsletter (both to the tray).
            let verdict = number % 20 == 3 ? "X-Spam-Flag: YES\r\nX-Spam-Status: Yes, score=9.1 required=5.0\r\n"
                : number % 20 == 13 ? "List-Unsubscribe: <https://news.example/u>\r\n" : ""
            let head =
                verdict + "From: <\(from)>\r\nTo: privacy@jewelrydealshop.com\r\nSubject: \(subject)\r\n"
                + "Message-ID: <bench-\(number)@mail.example>\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            let body: String
            switch number % 10 {
            case 0..<6:
                body =
                    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n"
            case 6, 7:
                body =
                    "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + text + "\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + text + "</p>\r\n--b--\r\n"
            case 8:
                body =
                    "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
                    + text.replacingOccurrences(of: "\n", with: "<br>") + "</p></body></html>\r\n"
            default:
                body = "Auto-Submitted: auto-replied\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI am away.\r\n"
            }
            let name = maildir.appendingPathComponent("new/\(1_795_608_000 + number).M\(number)P1.bench")
            try Data((head + body).utf8).write(to: name)
        }
    }
}
