/// The kind of privacy request a message most likely asks for, from its words, in English, Spanish, German and
/// French. A suggestion only: an agent confirms it with a key before the request is worked on.
public enum RequestKindSuggestion {
    /// Words (lower case, accents as written and without) that point to each kind, strongest first.
    static let words: [(RequestKind, [String])] = [
        (.consentWithdrawal, [
            "unsubscribe", "withdraw", "opt out", "opt-out", "stop sending", "no more emails", "marketing",
            "darme de baja", "baja", "retirar", "revocar", "consentimiento",
            "abmelden", "abbestellen", "widerruf", "widerrufe", "einwilligung",
            "désabonner", "desabonner", "désinscrire", "desinscrire", "retirer", "consentement",
        ]),
        (.erasure, [
            "delete", "erase", "erasure", "forget", "remove my", "right to be forgotten",
            "borrar", "eliminar", "suprimir", "olvido", "supresión", "supresion",
            "löschen", "loschen", "löschung", "loschung", "vergessen", "entfernen",
            "supprimer", "effacer", "effacement", "oubli", "suppression",
        ]),
        (.rectification, [
            "correct", "update my", "change my", "wrong", "rectify", "rectification",
            "corregir", "actualizar", "rectificar", "rectificación", "rectificacion", "cambiar",
            "berichtigen", "berichtigung", "korrigieren", "aktualisieren", "ändern", "andern", "falsch",
            "corriger", "rectifier", "mettre à jour", "mettre a jour", "modifier", "erroné", "errone",
        ]),
        (.access, [
            "access", "copy of my data", "what data", "my data", "subject access", "portability", "export",
            "acceso", "copia de mis datos", "mis datos", "portabilidad",
            "auskunft", "kopie meiner daten", "meine daten", "datenübertragbarkeit",
            "accès", "acces", "copie de mes données", "copie de mes donnees", "mes données", "mes donnees", "portabilité",
        ]),
    ]

    /// The suggested kind for `text` (subject and body), or nil when no word points to one. When several do,
    /// the kind whose words appear most wins; ties go to the order above (a withdrawal before an erasure before
    /// a correction before an access request: the first two cost the customer most if missed).
    public static func suggest(_ text: String) -> RequestKind? {
        // A byte search over the lower-cased UTF-8: Foundation's `contains` (through NSString) and the standard
        // library's `firstRange(of:)` each took a tenth of a mail import's time.
        let lowered = Array(text.lowercased().utf8)
        var best: (kind: RequestKind, hits: Int)?
        for (kind, list) in encodedWords {
            let hits = list.reduce(0) { $0 + (contains(lowered, $1) ? 1 : 0) }
            if hits > 0 && hits > (best?.hits ?? 0) { best = (kind, hits) }
        }
        return best?.kind
    }

    /// The words as UTF-8 bytes, made once.
    private static let encodedWords: [(RequestKind, [[UInt8]])] = words.map { ($0.0, $0.1.map { Array($0.utf8) }) }

    /// Whether `needle` occurs in `haystack`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
