/// One thing in a sentence that points to a kind of request: a phrase (its words in a row), or a verb and its
/// object anywhere in the same sentence ("bitte löschen Sie mein Konto", "mes données … supprimer"). Words are
/// folded as `MailText.words` folds them (lower case, no accents, ß as ss).
struct RequestKindCue: Sendable {
    enum Pattern: Sendable {
        /// These words in a row.
        case phrase([String])
        /// One word of each set in the same sentence.
        case both(Set<String>, Set<String>)
    }

    let kind: RequestKind
    let weight: Int
    let pattern: Pattern

    /// Whether `sentence` (folded words) holds the cue.
    func matches(_ sentence: [String]) -> Bool {
        switch pattern {
        case .phrase(let words):
            guard sentence.count >= words.count else { return false }
            return (0...(sentence.count - words.count)).contains { start in
                words.indices.allSatisfy { sentence[start + $0] == words[$0] }
            }
        case .both(let first, let second):
            return sentence.contains(where: first.contains) && sentence.contains(where: second.contains)
        }
    }

    static func phrases(_ kind: RequestKind, _ weight: Int, _ texts: [String]) -> [RequestKindCue] {
        texts.map {
            RequestKindCue(kind: kind, weight: weight, pattern: .phrase($0.split(separator: " ").map(String.init)))
        }
    }

    static func both(_ kind: RequestKind, _ weight: Int, _ first: String, _ second: String) -> RequestKindCue {
        let set = { (text: String) in Set(text.split(separator: " ").map(String.init)) }
        return RequestKindCue(kind: kind, weight: weight, pattern: .both(set(first), set(second)))
    }

    /// What a person's data is called, in the four languages.
    static let personalData = """
        data information details profile records konto kundenkonto daten informationen angaben profil cuenta datos \
        informacion perfil compte donnees informations coordonnees
        """
    static let account = "account konto kundenkonto benutzerkonto cuenta compte"

    /// Every cue, strongest first within each kind.
    static let all: [RequestKindCue] = erasure + withdrawal + rectification + access

    static let erasure: [RequestKindCue] =
        phrases(.erasure, 3, [
            "right to be forgotten", "right to erasure", "delete me", "erase me", "forget me", "art 17", "article 17",
            "recht auf vergessenwerden", "recht auf loschung", "derecho al olvido", "derecho de supresion",
            "droit a l oubli", "droit a l effacement", "droit a l effacement",
        ])
        + [
            both(.erasure, 3, """
                delete deleted deleting erase erased remove removed wipe forget close closed loschen losche loscht \
                loeschen loesche loescht geloescht loeschung \
                geloscht loschung entfernen entfernt schliessen borrar borren borre borrado borrados borradas \
                eliminar eliminen elimine eliminado eliminados eliminacion suprimir supriman suprima supresion \
                cerrar supprimer supprimez \
                supprime supprimes supprimees suppression effacer effacez efface effacees effacement fermer cloturer
                """, personalData + " " + account),
        ]
        + phrases(.erasure, 1, ["delete", "erase", "loschen", "borrar", "eliminar", "supprimer", "effacer"])

    static let withdrawal: [RequestKindCue] =
        phrases(.consentWithdrawal, 3, [
            "unsubscribe", "opt out", "stop sending", "no more emails", "no more newsletters", "abbestellen",
            "abmelden vom newsletter", "keine werbung", "keine newsletter", "nicht mehr zusenden",
            "darme de baja", "dar de baja", "darse de baja", "no quiero recibir", "no me envien",
            "desabonner", "desinscrire", "desabonnement", "ne plus recevoir", "ne m envoyez plus",
        ])
        + [
            both(.consentWithdrawal, 3, """
                withdraw withdrawing withdrawn revoke revoking widerrufen widerrufe widerruf zuruckziehen ziehe \
                zuruck retirar retiro revocar revoco retirer retire revoquer revoque
                """, "consent einwilligung zustimmung consentimiento consentement"),
            both(.consentWithdrawal, 3, """
                stop stoppen einstellen arret arreter dejen dejar parar
                """, """
                marketing newsletter newsletters werbung werbemails publicidad promocionales publicite promotional
                """),
        ]
        + phrases(.consentWithdrawal, 1, ["marketing", "newsletter", "werbung", "publicidad", "publicite"])

    static let rectification: [RequestKindCue] =
        phrases(.rectification, 3, [
            "rectify", "rectification", "art 16", "article 16", "berichtigung", "berichtigen", "rectificar",
            "rectificacion", "rectifier",
        ])
        + [
            both(.rectification, 3, """
                correct correction update change fix wrong incorrect outdated misspelled korrigieren korrektur \
                aktualisieren andern anderung falsch falsche falscher corregir corrijan actualizar actualicen \
                cambiar cambien incorrecto incorrecta erroneo erronea corriger corrigez modifier modifiez changer \
                incorrecte errone erronee
                """, """
                name surname address email phone birthday birth nachname adresse anschrift telefonnummer \
                geburtsdatum nombre apellido direccion correo telefono nacimiento nom adresse telephone naissance
                """),
        ]

    static let access: [RequestKindCue] =
        phrases(.access, 3, [
            "subject access", "art 15", "article 15", "auskunft", "auskunftsersuchen", "portability",
            "datenubertragbarkeit", "portabilidad", "portabilite", "derecho de acceso", "droit d acces",
            "what data", "which data", "welche daten", "que datos", "quelles donnees",
        ])
        + [
            both(.access, 3, """
                copy export download access see kopie zugang copia acceso copie acces obtenir
                """, "data daten datos donnees information informationen informacion informations"),
        ]
}
