/// The few words Loupe puts into a message's placeholders itself, in each language.
extension Language {
    /// What a request asks for, as the messages say it ("erasure of your data").
    public func phrase(_ kind: RequestKind) -> String {
        switch (self, kind) {
        case (.english, _): kind.phrase
        case (.german, .access): "Auskunft über Ihre Daten"
        case (.german, .rectification): "Berichtigung Ihrer Daten"
        case (.german, .erasure): "Löschung Ihrer Daten"
        case (.german, .consentWithdrawal): "Widerruf Ihrer Einwilligung"
        case (.spanish, .access): "acceso a sus datos"
        case (.spanish, .rectification): "rectificación de sus datos"
        case (.spanish, .erasure): "supresión de sus datos"
        case (.spanish, .consentWithdrawal): "retirada de su consentimiento"
        case (.french, .access): "accès à vos données"
        case (.french, .rectification): "rectification de vos données"
        case (.french, .erasure): "effacement de vos données"
        case (.french, .consentWithdrawal): "retrait de votre consentement"
        }
    }

    /// How a message addresses someone whose name is not known.
    public var unnamedRecipient: String {
        switch self {
        case .english: "customer"
        case .german: "Kundin, sehr geehrter Kunde"
        case .spanish: "cliente"
        case .french: "Madame, Monsieur"
        }
    }

    /// The corrections, when the request named none field by field.
    public var detailsYouGave: String {
        switch self {
        case .english: "the details you gave us"
        case .german: "die Angaben, die Sie uns genannt haben"
        case .spanish: "los datos que nos indicó"
        case .french: "les informations que vous nous avez données"
        }
    }

    /// The purposes a consent withdrawal ended.
    public var everyPurpose: String {
        switch self {
        case .english: "every purpose you had agreed to"
        case .german: "alle Zwecke, denen Sie zugestimmt hatten"
        case .spanish: "todos los fines que había aceptado"
        case .french: "toutes les finalités que vous aviez acceptées"
        }
    }

    /// The erasure message's list of kept records, when none was kept.
    public var nothingKept: String {
        switch self {
        case .english: "- nothing: no record had to be kept."
        case .german: "- nichts: Es musste kein Eintrag aufbewahrt werden."
        case .spanish: "- nada: no fue necesario conservar ningún registro."
        case .french: "- rien : aucun document n'a dû être conservé."
        }
    }
}
