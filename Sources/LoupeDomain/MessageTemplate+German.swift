extension MessageTemplate {
    static let germanSignature = """


        Bei Fragen antworten Sie bitte auf diese Nachricht oder schreiben Sie an {{privacyEmail}} und nennen Sie
        dabei {{requestId}}.

        Ihr Datenschutzteam von {{shopName}}
        """

    static let germanNoticeSignature = """


        Bei Fragen antworten Sie bitte auf diese Nachricht oder schreiben Sie an {{privacyEmail}}.

        Ihr Datenschutzteam von {{shopName}}
        """

    /// The German subject and body of `event`.
    static func germanText(_ event: MessageEvent) -> (String, String) {
        switch event {
        case .received:
            return ("Wir haben Ihre Datenschutzanfrage {{requestId}} erhalten", """
                Guten Tag {{recipientName}},

                wir haben Ihre Anfrage ({{kind}}) am {{receivedOn}} erhalten und unter {{requestId}} registriert.
                Wir antworten Ihnen spätestens bis zum {{dueOn}}. Sollten wir mehr Zeit benötigen, teilen wir Ihnen
                vorher mit, warum.
                """)
        case .reply:
            return ("Zu Ihrer Datenschutzanfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                """)
        case .verificationCode:
            return ("Ihr Bestätigungscode für die Anfrage {{requestId}} [{{requestId}}]", """
                Guten Tag {{recipientName}},

                um zu bestätigen, dass die Anfrage {{requestId}} ({{kind}}) von Ihnen stammt, antworten Sie bitte
                mit diesem Code auf diese Nachricht oder nennen Sie ihn unserem Team:

                    {{verificationCode}}

                Der Code gilt 24 Stunden. Falls Sie uns nichts gefragt haben, können Sie diese Nachricht ignorieren.
                """)
        case .verificationNeeded:
            return ("Bitte bestätigen Sie Ihre Identität für die Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                zum Schutz Ihrer Daten müssen wir sicherstellen, dass die Anfrage {{requestId}} ({{kind}}) von Ihnen
                stammt. Bitte antworten Sie von der E-Mail-Adresse Ihres Kundenkontos oder nennen Sie uns die Nummer
                einer Ihrer Bestellungen. Wir fragen Sie nie nach einem Passwort oder nach Kartendaten.
                """)
        case .extended:
            return ("Wir benötigen mehr Zeit für die Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wir benötigen mehr Zeit, um Ihre Anfrage {{requestId}} ({{kind}}) vom {{receivedOn}} zu beantworten.
                Die neue Frist ist der {{extendedUntil}}.
                Der Grund: {{extensionReason}}
                """)
        case .accessReady:
            return ("Ihre Daten liegen bereit: Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                die Kopie Ihrer personenbezogenen Daten, die Sie mit der Anfrage {{requestId}} angefordert haben,
                liegt bereit. Zu Ihrem Schutz ist sie dieser Nachricht nicht beigefügt. Sie finden sie hier:
                {{exportLocation}}
                Wir übergeben sie Ihnen auf einem sicheren Weg, sobald Sie bestätigen, dass Sie sie erhalten möchten.
                Die Kopie nennt auch, wofür wir Ihre Daten verwenden, wer sie erhält, woher sie stammen und wie lange
                wir sie aufbewahren.
                """)
        case .rectificationDone:
            return ("Ihre Daten wurden berichtigt: Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wie in der Anfrage {{requestId}} gewünscht, haben wir berichtigt: {{correctedFields}}.
                Wir haben auch diejenigen informiert, die diese Daten von uns erhalten haben, soweit das möglich war.
                """)
        case .erasureDone:
            return ("Ihre Daten wurden gelöscht: Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wie in der Anfrage {{requestId}} gewünscht, haben wir Ihre bei uns gespeicherten personenbezogenen
                Daten gelöscht. Einige Unterlagen müssen wir nach dem Gesetz noch eine Zeit lang aufbewahren; sie
                werden danach anonymisiert:
                {{retainedItems}}
                Wir haben auch diejenigen informiert, die Ihre Daten von uns erhalten haben, soweit das möglich war.
                """)
        case .consentWithdrawn:
            return ("Ihre Einwilligung wurde widerrufen: Anfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wie in der Anfrage {{requestId}} gewünscht, haben wir Ihre Einwilligung widerrufen für:
                {{withdrawnPurposes}}.
                Ab sofort verwenden wir Ihre Daten nicht mehr für diese Zwecke.
                """)
        case .rejected:
            return ("Ihre Datenschutzanfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wir können Ihre Anfrage {{requestId}} ({{kind}}) vom {{receivedOn}} nicht ausführen.
                Der Grund: {{reason}}

                Wenn Sie damit nicht einverstanden sind, haben Sie das Recht, sich bei einer Aufsichtsbehörde zu
                beschweren:
                {{authority}}
                Sie können außerdem einen gerichtlichen Rechtsbehelf einlegen.
                """)
        case .noDataHeld:
            return ("Ihre Datenschutzanfrage {{requestId}}", """
                Guten Tag {{recipientName}},

                wir haben für Ihre Anfrage {{requestId}} ({{kind}}) vom {{receivedOn}} nach personenbezogenen Daten
                über Sie gesucht und keine gefunden: kein Kundenkonto, keine Bestellung und keinen anderen Eintrag
                unter den Angaben, die Sie uns genannt haben. Es gibt daher nichts zu kopieren oder zu löschen. Falls
                Sie bei uns eine andere E-Mail-Adresse oder Telefonnummer verwendet haben, teilen Sie sie uns bitte
                mit, dann suchen wir erneut.
                """)
        case .cancelled:
            return ("Ihre Datenschutzanfrage {{requestId}} wurde geschlossen", """
                Guten Tag {{recipientName}},

                wir haben Ihre Anfrage {{requestId}} ({{kind}}) geschlossen, ohne sie auszuführen.
                Der Grund: {{reason}}
                Sie können jederzeit eine neue Anfrage stellen.
                """)
        case .breachNotice:
            return ("Eine Verletzung des Schutzes Ihrer personenbezogenen Daten bei {{shopName}}", """
                Guten Tag {{recipientName}},

                wir müssen Sie über eine Verletzung des Schutzes Ihrer personenbezogenen Daten informieren:
                {{breachDescription}}
                Betroffene Daten: {{breachCategories}}.
                Wir haben Maßnahmen ergriffen, um sie zu beenden und ihre Folgen zu begrenzen. Seien Sie vorsichtig
                bei unerwarteten Nachrichten, die nach Ihren Daten fragen. Sie haben das Recht, sich bei einer
                Aufsichtsbehörde zu beschweren.
                """)
        case .authorityDisclosure:
            return ("Wir haben einige Ihrer Daten an eine Behörde weitergegeben", """
                Guten Tag {{recipientName}},

                das Gesetz hat uns verpflichtet, {{authorityName}} einige Ihrer personenbezogenen Daten zu übermitteln:
                {{disclosedFields}}.
                Sie können jederzeit eine Kopie aller Daten verlangen, die wir über Sie speichern, einschließlich
                dieser Weitergabe.
                """)
        case .policyChanged:
            return ("Unsere Datenschutzerklärung ändert sich am {{policyEffectiveOn}}", """
                Guten Tag {{recipientName}},

                Sie haben eingewilligt, von uns zu hören, daher informieren wir Sie: Unsere Datenschutzerklärung
                {{policyVersion}} gilt ab dem {{policyEffectiveOn}} und ändert, wofür wir Ihre Daten verwenden.
                Was sich ändert: {{policySummary}}
                Sie können Ihre Einwilligung jederzeit widerrufen, indem Sie auf diese Nachricht antworten.
                """)
        }
    }
}
