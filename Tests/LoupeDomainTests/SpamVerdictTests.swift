import LoupeDomain
import Testing

/// The MTA's spam verdicts: any filter's "yes" counts, a "no" never outweighs one (a sender can only forge their
/// own mail into the tray), and absent or unfamiliar headers say nothing.
@Suite struct SpamVerdictTests {
    @Test func anyFiltersYesCountsAndANoNeverOutweighsIt() {
        #expect(SpamVerdict.isSpam(flag: "YES", status: nil, rspamd: nil, rspamdResult: nil))
        #expect(SpamVerdict.isSpam(flag: nil, status: "Yes, score=9.1 required=5.0 tests=GTUBE", rspamd: nil,
                                   rspamdResult: nil))
        #expect(SpamVerdict.isSpam(flag: nil, status: nil, rspamd: " yes", rspamdResult: nil))
        #expect(SpamVerdict.isSpam(flag: nil, status: nil, rspamd: nil, rspamdResult: "default: True [15.00 / 15.00]"))
        #expect(SpamVerdict.isSpam(flag: "NO", status: "No, score=0.1", rspamd: "Yes", rspamdResult: nil))
    }

    @Test func hamAndMissingHeadersAreNotSpam() {
        #expect(!SpamVerdict.isSpam(flag: nil, status: nil, rspamd: nil, rspamdResult: nil))
        #expect(!SpamVerdict.isSpam(flag: "NO", status: "No, score=-0.2 required=5.0", rspamd: "No",
                                    rspamdResult: "default: False [1.20 / 15.00]"))
        #expect(!SpamVerdict.isSpam(flag: "", status: "unknown", rspamd: nil, rspamdResult: "False"))
    }

    @Test func quoteHeadersInFourLanguagesEndTheSendersOwnText() {
        for header in ["On Mon, 2 Mar 2026, Ann <ann@example.com> wrote:", "Am 2. März 2026 schrieb Ann:",
                       "El 2 de marzo de 2026, Ana escribió:", "Le 2 mars 2026, Anne a écrit :",
                       "-----Original Message-----"] {
            let lines = MailText.ownLines("Where is my parcel?\n\(header)\nPlease delete my account.")
            #expect(lines == ["Where is my parcel?"], "\(header)")
        }
        #expect(MailText.ownLines("Hi\nclick here to unsubscribe\nhttps://x.example/u\nBye") == ["Hi", "Bye"])
        let own = "On Monday I wrote to you about this:\nPlease delete my account."
        #expect(MailText.ownLines(own).count == 2, "a sentence of the sender's, not a mail client's header")
    }
}
