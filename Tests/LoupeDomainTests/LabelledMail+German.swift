/// German messages of the labelled set: `label|subject|body`, `\n` for a line break, `-` for "no request".
extension LabelledMail {
    static let german = #"""
erasure|Löschung meiner Daten|Bitte löschen Sie alle meine Daten. Vielen Dank.
erasure|Konto löschen|Hallo, ich möchte mein Kundenkonto löschen lassen. Mit freundlichen Grüßen, Jürgen Müller
erasure||Hiermit fordere ich Sie auf, meine personenbezogenen Daten gemäß Art. 17 DSGVO zu löschen.
erasure|Recht auf Vergessenwerden|Ich mache mein Recht auf Vergessenwerden geltend und bitte um Bestätigung.
erasure|Antrag auf Löschung|Sehr geehrte Damen und Herren,\nbitte entfernen Sie mein Profil und alle Angaben zu meiner Person.\nGruß\nAnna
erasure|Daten entfernen|Entfernen Sie bitte meine Daten aus Ihrer Datenbank, ich kaufe nicht mehr bei Ihnen.
erasure|Kündigung Kundenkonto|Bitte schließen Sie mein Konto und löschen Sie alle Informationen über mich.
erasure|DSGVO Löschung|Ich verlange die Löschung sämtlicher Daten, die Sie über mich gespeichert haben.
erasure||Meine Tochter (13) hat ein Konto angelegt. Als Mutter bitte ich Sie, ihre Daten zu löschen.
erasure|Re: Ihre Bestellung|Bitte löschen Sie mein Konto.\n\nAm 2. März 2026 schrieb Jewelry Deal Shop:\n> Ihre Bestellung wurde versandt.
erasure|Bitte löschen|Ich möchte, dass meine Daten gelöscht werden, und zwar vollständig.
erasure|Löschen Sie mich|Löschen Sie bitte mein Benutzerkonto samt allen Daten.
consent-withdrawal|Newsletter abbestellen|Ich möchte den Newsletter abbestellen.
consent-withdrawal|Widerruf der Einwilligung|Hiermit widerrufe ich meine Einwilligung zur Nutzung meiner Daten für Werbung.
consent-withdrawal|Keine Werbung mehr|Bitte keine Werbung mehr per E-Mail, danke.
consent-withdrawal||Ich ziehe meine Einwilligung zur Verwendung von Analyse-Cookies zurück.
consent-withdrawal|Abmelden|Bitte melden Sie mich ab, ich möchte keine Newsletter mehr erhalten.
consent-withdrawal|Werbemails stoppen|Stoppen Sie bitte die Werbemails an meine Adresse.
consent-withdrawal|Einwilligung widerrufen|Ich widerrufe die Einwilligung für Marketing mit sofortiger Wirkung.
consent-withdrawal|Bitte nicht mehr zusenden|Bitte mir nicht mehr zusenden, weder Newsletter noch Angebote.
consent-withdrawal|Widerruf|Widerruf meiner Zustimmung zu Werbezwecken. Mit freundlichen Grüßen
rectification|Falsche Adresse|Meine Adresse ist falsch gespeichert, richtig ist Hauptstraße 5, 10115 Berlin.
rectification|Berichtigung meines Namens|Bitte berichtigen Sie meinen Nachnamen: Schmidt statt Schmitt.
rectification|E-Mail ändern|Können Sie meine E-Mail-Adresse auf neu@example.de ändern?
rectification||Mein Geburtsdatum ist falsch, bitte korrigieren Sie es auf den 4. Juli 1990.
rectification|Telefonnummer aktualisieren|Bitte aktualisieren Sie meine Telefonnummer: 0151 2345678.
rectification|Antrag auf Berichtigung|Ich beantrage die Berichtigung meiner Anschrift nach Art. 16 DSGVO.
access|Auskunft nach Art. 15 DSGVO|Ich bitte um Auskunft über die zu meiner Person gespeicherten Daten.
access|Kopie meiner Daten|Bitte senden Sie mir eine Kopie meiner Daten.
access|Welche Daten?|Welche Daten haben Sie über mich gespeichert und an wen wurden sie weitergegeben?
access|Auskunftsersuchen|Dies ist ein Auskunftsersuchen. Bitte antworten Sie innerhalb eines Monats.
access|Datenübertragbarkeit|Ich möchte meine Daten exportieren, Stichwort Datenübertragbarkeit.
access||Ich hätte gerne Zugang zu meinen Daten, die Sie verarbeiten.
access|Meine gespeicherten Daten|Bitte um eine Kopie aller Daten zu meinem Kundenkonto.
-|Wo bleibt meine Bestellung?|Ich habe vor zwei Wochen eine Kette bestellt und sie ist noch nicht angekommen.
-|Reklamation|Der Verschluss meines Armbands ist nach einer Woche kaputt gegangen.
-|Rückerstattung|Ich habe den Ring zurückgeschickt. Wann bekomme ich mein Geld zurück?
-|Zubehör|Haben Sie Zubehör für Bettelarmbänder, zum Beispiel Verlängerungsketten?
-|Gravur|Können Sie die Gravur auf dem Ring noch entfernen? Die Bestellung ist noch nicht versandt.
-|Rechnung|Bitte schicken Sie mir eine Rechnung mit Firmenadresse für Bestellung 1209.
-|Unsere Neuheiten|Neu im Shop: Ohrringe ab 19 Euro!\nJetzt entdecken: https://shop.example.de\nHier klicken, um sich vom Newsletter abzumelden.\n© 2026 Beispiel GmbH. Alle Rechte vorbehalten.
-|Sie haben gewonnen|Herzlichen Glückwunsch! Sie haben einen Gutschein über 500 Euro gewonnen. Jetzt einlösen!
-|Anmeldung geht nicht|Ich kann mich nicht in mein Konto einloggen, das Passwort wird nicht akzeptiert.
-|Geschenkverpackung|Bieten Sie Geschenkverpackungen an?
-|Lob|Die Ohrringe sind wunderschön, vielen Dank für den schnellen Versand!
-|Großhandel|Wir sind ein Juweliergeschäft in Wien und interessieren uns für Großhandelspreise.
-|Lieferzeit|Wie lange dauert die Lieferung nach Österreich?
-|Größe ändern|Kann ich die Ringgröße nachträglich ändern lassen?
-|Zahlung fehlgeschlagen|Meine Zahlung mit Kreditkarte ist fehlgeschlagen, was soll ich tun?
"""#
}
