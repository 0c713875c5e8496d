extension MessageTemplate {
    /// The shipped template of `event` in `language`; an admin's edited one replaces it (`loupe templates edit`).
    public static func standard(_ event: MessageEvent, in language: Language = .english) -> MessageTemplate {
        let (text, signatures): ((MessageEvent) -> (String, String), (request: String, notice: String)) =
            switch language {
            case .english: (standardText, (signature, noticeSignature))
            case .german: (germanText, (germanSignature, germanNoticeSignature))
            case .spanish: (spanishText, (spanishSignature, spanishNoticeSignature))
            case .french: (frenchText, (frenchSignature, frenchNoticeSignature))
            }
        let (subject, body) = text(event)
        return MessageTemplate(event: event, subject: subject,
                               body: body + (event.isNotice ? signatures.notice : signatures.request), language: language)
    }

    private static let signature = """


        If you have questions, reply to this message or write to {{privacyEmail}}, quoting {{requestId}}.

        The privacy team of {{shopName}}
        """

    private static let noticeSignature = """


        If you have questions, reply to this message or write to {{privacyEmail}}.

        The privacy team of {{shopName}}
        """

    private static func standardText(_ event: MessageEvent) -> (String, String) {
        switch event {
        case .received:
            return ("We received your privacy request {{requestId}}", """
                Dear {{recipientName}},

                We received your request ({{kind}}) on {{receivedOn}} and registered it as {{requestId}}.
                We will answer by {{dueOn}} at the latest. If we need more time, we will tell you why before then.
                """)
        case .reply:
            return ("About your privacy request {{requestId}}", """
                Dear {{recipientName}},

                """)
        case .verificationCode:
            return ("Your verification code for request {{requestId}} [{{requestId}}]", """
                Dear {{recipientName}},

                To confirm that request {{requestId}} ({{kind}}) comes from you, reply to this message with this
                code, or tell it to our team:

                    {{verificationCode}}

                It works for 24 hours. If you did not ask us anything, ignore this message.
                """)
        case .verificationNeeded:
            return ("Please confirm your identity for request {{requestId}}", """
                Dear {{recipientName}},

                To protect your data, we must make sure that request {{requestId}} ({{kind}}) comes from you.
                Please reply from the email address of your account, or tell us the number of one of your orders.
                We will not ask for a password or for card details.
                """)
        case .extended:
            return ("We need more time for request {{requestId}}", """
                Dear {{recipientName}},

                We need more time to answer your request {{requestId}} ({{kind}}), received on {{receivedOn}}.
                The new deadline is {{extendedUntil}}.
                The reason: {{extensionReason}}
                """)
        case .accessReady:
            return ("Your data is ready: request {{requestId}}", """
                Dear {{recipientName}},

                The copy of your personal data that you asked for in request {{requestId}} is ready.
                For your protection it is not attached to this message. It is kept for you at:
                {{exportLocation}}
                and we will hand it to you over a secure channel once you confirm you want to receive it.
                The copy also says why we use your data, who receives it, where it comes from and how long we keep it.
                """)
        case .rectificationDone:
            return ("Your data was corrected: request {{requestId}}", """
                Dear {{recipientName}},

                As you asked in request {{requestId}}, we corrected: {{correctedFields}}.
                We have also told those who received this data from us, where that was possible.
                """)
        case .erasureDone:
            return ("Your data was erased: request {{requestId}}", """
                Dear {{recipientName}},

                As you asked in request {{requestId}}, we erased your personal data on file.
                The law obliges us to keep some records for a time; these are kept, then anonymised:
                {{retainedItems}}
                We have also told those who received your data from us, where that was possible.
                """)
        case .consentWithdrawn:
            return ("Your consent was withdrawn: request {{requestId}}", """
                Dear {{recipientName}},

                As you asked in request {{requestId}}, we withdrew your consent for: {{withdrawnPurposes}}.
                From now on we no longer use your data for these purposes.
                """)
        case .rejected:
            return ("Your privacy request {{requestId}}", """
                Dear {{recipientName}},

                We cannot carry out your request {{requestId}} ({{kind}}), received on {{receivedOn}}.
                The reason: {{reason}}

                If you disagree, you have the right to lodge a complaint with a supervisory authority:
                {{authority}}
                You may also seek a judicial remedy.
                """)
        case .noDataHeld:
            return ("Your privacy request {{requestId}}", """
                Dear {{recipientName}},

                We looked for personal data about you to answer your request {{requestId}} ({{kind}}), received on
                {{receivedOn}}, and we hold none: no account, order or other record under the details you gave us.
                There is therefore nothing to copy or to erase. If you used another email address or phone number
                with us, tell us and we will look again.
                """)
        case .policyChanged, .breachNotice, .authorityDisclosure:
            return noticeText(event)
        case .cancelled:
            return ("Your privacy request {{requestId}} was closed", """
                Dear {{recipientName}},

                We closed your request {{requestId}} ({{kind}}) without carrying it out.
                The reason: {{reason}}
                You can make a new request at any time.
                """)
        }
    }

    private static func noticeText(_ event: MessageEvent) -> (String, String) {
        switch event {
        case .breachNotice:
            return ("About a breach of your personal data at {{shopName}}", """
                Dear {{recipientName}},

                We must tell you about a breach that concerns your personal data: {{breachDescription}}
                The data concerned: {{breachCategories}}.
                We have taken steps to stop it and to limit its effects. Be careful with unexpected messages that
                ask for your details. You have the right to complain to a supervisory authority.
                """)
        case .authorityDisclosure:
            return ("We gave some of your data to an authority", """
                Dear {{recipientName}},

                The law required us to give {{authorityName}} some of your personal data: {{disclosedFields}}.
                You can ask us for a copy of everything we hold about you, including this disclosure.
                """)
        default:
            return ("Our privacy policy changes on {{policyEffectiveOn}}", """
                Dear {{recipientName}},

                You agreed to hear from us, so we let you know: our privacy policy {{policyVersion}} takes effect on
                {{policyEffectiveOn}} and changes what we use your data for. What changed: {{policySummary}}
                You can withdraw your consent at any time by replying to this message.
                """)
        }
    }
}
